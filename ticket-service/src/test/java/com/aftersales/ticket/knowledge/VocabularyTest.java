package com.aftersales.ticket.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VocabularyTest {

    private final Vocabulary vocabulary = new Vocabulary(List.of(
            new Vocabulary.Group("AIR_CONDITIONER", List.of("空调", "ac", "a/c")),
            new Vocabulary.Group("INSTRUMENT", List.of("万用表", "ac voltage")),
            new Vocabulary.Group("cooling-weak", List.of("不制冷", "doesn't cool", "isn''t cooling")),
            new Vocabulary.Group("vibration", List.of("跳", "晃")),
            new Vocabulary.Group("breaker-trip", List.of("跳闸"))));

    @Test
    void apostrophesTypedAnyWayOrLeftOutReadTheSame() {
        assertThat(vocabulary.concepts("my AC doesn't cool")).containsExactly("AIR_CONDITIONER", "cooling-weak");
        assertThat(vocabulary.concepts("my ac doesn’t cool")).containsExactly("AIR_CONDITIONER", "cooling-weak");
        assertThat(vocabulary.concepts("A/C doesnt cool")).containsExactly("AIR_CONDITIONER", "cooling-weak");
    }

    @Test
    void theLongestWordAtAPositionWins() {
        assertThat(vocabulary.concepts("multimeter shows wrong AC voltage")).containsExactly("INSTRUMENT");
        assertThat(vocabulary.concepts("空调一开就跳闸")).containsExactly("AIR_CONDITIONER", "breaker-trip");
        assertThat(vocabulary.concepts("洗的时候机器乱晃")).containsExactly("vibration");
    }

    @Test
    void latinWordsMatchOnlyAsWholeWords() {
        assertThat(vocabulary.concepts("the back panel")).isEmpty();
        assertThat(vocabulary.concepts("ＡＣ不制冷")).containsExactly("AIR_CONDITIONER", "cooling-weak");
    }
}
