package com.aftersales.ticket.knowledge;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The search's rules without Spring or a database: vocabulary, error codes, model families, ranking, the index. */
class KnowledgeSearchRulesTest {

    private final Vocabulary vocabulary = new Vocabulary(List.of(
            new Vocabulary.Group("cooling-weak", List.of("不凉", "不制冷", "not cooling")),
            new Vocabulary.Group("vibration", List.of("跳", "抖")),
            new Vocabulary.Group("breaker-trip", List.of("跳闸")),
            new Vocabulary.Group("AIR_CONDITIONER", List.of("空调", "ac"))));

    @Test
    void theVocabularyReadsTheLongestWordAtEachPlaceAndLatinWordsOnlyWhole() {
        assertThat(vocabulary.concepts("空调开了半天一点都不凉")).containsExactly("AIR_CONDITIONER", "cooling-weak");
        assertThat(vocabulary.concepts("热水器一开就跳闸")).containsExactly("breaker-trip");
        assertThat(vocabulary.concepts("甩干的时候整个机器在跳，还抖")).containsExactly("vibration");
        assertThat(vocabulary.concepts("The AC is NOT COOLING")).containsExactly("AIR_CONDITIONER", "cooling-weak");
        assertThat(vocabulary.concepts("back panel")).isEmpty();
        assertThat(vocabulary.read("空调不制冷")).contains(new Vocabulary.Match("cooling-weak", "不制冷"));
    }

    @Test
    void errorCodesAreExactTokensNotPartsOfModelNumbers() {
        assertThat(ErrorCodes.in("显示E1，之后又报 err 2 和 Ｆ３")).containsExactly("E1", "ERR2", "F3");
        assertThat(ErrorCodes.in("型号 KFR-35GW/BpR3 XQG100-B14")).isEmpty();
        assertThat(ErrorCodes.normalise("Err-2")).isEqualTo("ERR2");
    }

    @Test
    void aUnitMatchesItsFamilyByPrefixAtASeparatorOrByTheTable() {
        ModelFamilies families = new ModelFamilies("/-", Map.of("BCD-470WDPG", "BCD-470"));
        assertThat(families.of("KFR-35GW/BpR3", "kfr-35gw/bpr3").level()).isEqualTo(ModelFamilies.Level.EXACT);
        ModelFamilies.Closeness family = families.of("KFR-35GW", "KFR-35GW/BpR3");
        assertThat(family.level()).isEqualTo(ModelFamilies.Level.FAMILY);
        assertThat(family.rule()).isEqualTo("model-family-prefix");
        assertThat(family.closeness()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(families.of("KFR", "KFR-35GW/BpR3").closeness()).isLessThan(family.closeness());
        assertThat(families.of("KFR-35G", "KFR-35GW/BpR3").level()).as("not at a separator").isEqualTo(ModelFamilies.Level.OTHER);
        assertThat(families.of("KFR-72LW", "KFR-35GW/BpR3").level()).isEqualTo(ModelFamilies.Level.OTHER);
        assertThat(families.of(null, "KFR-35GW/BpR3").level()).isEqualTo(ModelFamilies.Level.CATEGORY);
        assertThat(families.of("BCD-470", "BCD-470WDPG/A").rule()).isEqualTo("model-family-table");
    }

    @Test
    void outcomesMoveTheScoreThroughABetaPriorAndCloserModelsRankHigher() {
        KnowledgeRanking ranking = new KnowledgeRanking(0.3, 0.25, 0.05, 2, 2, 0.5);
        assertThat(ranking.outcomeFactor(0, 0)).isEqualTo(1.0);
        assertThat(ranking.smoothedSuccess(1, 0)).isCloseTo(0.6, within(1e-9));
        assertThat(ranking.outcomeFactor(10, 0)).isGreaterThan(ranking.outcomeFactor(1, 0)).isGreaterThan(1);
        assertThat(ranking.outcomeFactor(0, 10)).isLessThan(ranking.outcomeFactor(0, 1)).isLessThan(1);
        ModelFamilies families = new ModelFamilies("/-", Map.of());
        double exact = ranking.score(1, families.of("KFR-35GW/BpR3", "KFR-35GW/BpR3"), 0, 0);
        double family = ranking.score(1, families.of("KFR-35GW", "KFR-35GW/BpR3"), 0, 0);
        double category = ranking.score(1, families.of(null, "KFR-35GW/BpR3"), 0, 0);
        double other = ranking.score(1, families.of("KFR-72LW", "KFR-35GW/BpR3"), 0, 0);
        assertThat(List.of(exact, family, category, other)).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(other).as("another model is ranked, not removed").isEqualTo(1.0);
    }

    @Test
    void theIndexFindsColloquialChineseThroughTheVocabularyAndLeavesUnrelatedTextOut() {
        try (KnowledgeIndex index = new KnowledgeIndex()) {
            KnowledgeArticle cooling = article("AIR_CONDITIONER", "空调不制冷，室外机风扇不转", "出风不冷", "E1");
            KnowledgeArticle washer = article("WASHING_MACHINE", "洗衣机脱水时抖动", "脱水时机身抖", null);
            index.rebuild(vocabulary, List.of(cooling, washer));
            KnowledgeIndex.Weights weights = new KnowledgeIndex.Weights(2, 3, 1, 0.5, 1);
            List<KnowledgeIndex.TextHit> hits = index.search("空调一点都不凉", null, null, weights, 0.08, 50, 3, (a, r) -> r);
            assertThat(hits).extracting(h -> h.article().id()).first().isEqualTo(cooling.id());
            assertThat(hits.get(0).concepts()).contains("cooling-weak", "AIR_CONDITIONER");
            assertThat(index.search("e1", null, null, weights, 0.08, 50, 3, (a, r) -> r).get(0).codes()).containsExactly("E1");
            assertThat(index.search("完全无关的问题 xyzzy", null, null, weights, 0.08, 50, 3, (a, r) -> r)).isEmpty();
            assertThat(index.search("空调不凉", "WASHING_MACHINE", null, weights, 0.08, 50, 3, (a, r) -> r))
                    .extracting(h -> h.article().id()).doesNotContain(cooling.id());

            index.apply(List.of(new KnowledgeArticle(cooling.id(), null, cooling.category(), null, cooling.title(),
                    cooling.symptoms(), null, "-", "zh-CN", ArticleStatus.RETIRED, "AGENT", null, null, 0, 0,
                    Instant.now(), Instant.now(), 1)));
            assertThat(index.size()).isEqualTo(1);
            assertThat(index.search("空调不凉", null, null, weights, 0.08, 50, 3, (a, r) -> r))
                    .extracting(h -> h.article().id()).doesNotContain(cooling.id());
        }
    }

    private static KnowledgeArticle article(String category, String title, String symptoms, String code) {
        return new KnowledgeArticle(UUID.randomUUID(), null, category, code, title, symptoms, null, "按步骤处理", "zh-CN",
                ArticleStatus.PUBLISHED, "AGENT", null, null, 0, 0, Instant.now(), Instant.now(), 0);
    }
}
