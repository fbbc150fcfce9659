package com.aftersales.returns.policy;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: for the same unit and the same facts, a later request never gets a more generous remedy
 * (nor, for a dealer, a larger credit). Seeded so that a failure can be replayed.
 */
class PolicyMonotonicityTest {

    private static final long SEED = 20261124L;
    private static final int CASES = 5_000;
    private static final int MAX_DAYS = 800;
    private static final String[] CATEGORIES = {"KETTLE", "AIR_CONDITIONER", "PHONE", "CLEARANCE_OUTLET", "MATTRESS"};

    private final ReturnPolicyEngine engine = new ReturnPolicyEngine(PolicyFixtures.briefDefaults());

    @Test
    void aLaterRequestNeverGetsAMoreGenerousRemedy() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            LocalDate purchased = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(3 * 366));
            int earlier = random.nextInt(MAX_DAYS);
            int later = earlier + random.nextInt(MAX_DAYS - earlier + 1);
            CaseFacts facts = randomFacts(random, purchased);

            PolicyDecision first = engine.evaluate(facts.withRequestDate(purchased.plusDays(earlier)));
            PolicyDecision second = engine.evaluate(facts.withRequestDate(purchased.plusDays(later)));

            assertThat(second.remedy().generosity())
                    .as("case %d (%s): day %d gave %s, day %d gave %s", i, facts, earlier, first.remedy(), later, second.remedy())
                    .isLessThanOrEqualTo(first.remedy().generosity());
            if (facts.channel() == ReturnChannel.DEALER) {
                assertThat(second.dealer().creditPercent()).as("case %d credit", i)
                        .isLessThanOrEqualTo(first.dealer().creditPercent());
            }
        }
    }

    @Test
    void everyDayOfTheFirstTwoYearsIsNoMoreGenerousThanTheDayBefore() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 50; i++) {
            LocalDate purchased = LocalDate.of(2027, 11, 30).plusDays(random.nextInt(120));
            CaseFacts facts = randomFacts(random, purchased);
            Remedy previous = engine.evaluate(facts.withRequestDate(purchased)).remedy();
            for (int day = 1; day <= 2 * 366; day++) {
                Remedy current = engine.evaluate(facts.withRequestDate(purchased.plusDays(day))).remedy();
                assertThat(current.generosity()).as("%s day %d: %s after %s", facts, day, current, previous)
                        .isLessThanOrEqualTo(previous.generosity());
                previous = current;
            }
        }
    }

    private static CaseFacts randomFacts(Random random, LocalDate purchased) {
        CaseFacts facts = random.nextInt(5) == 0
                ? CaseFacts.dealer(CATEGORIES[random.nextInt(CATEGORIES.length)], purchased, purchased)
                : CaseFacts.consumer(CATEGORIES[random.nextInt(CATEGORIES.length)], purchased, purchased);
        return facts.withQualityFault(random.nextBoolean())
                .withSignsOfUse(random.nextInt(4) == 0)
                .withCustomMade(random.nextInt(6) == 0)
                .withPackaging(random.nextInt(5) != 0, random.nextInt(5) != 0, random.nextInt(5) != 0)
                .withCustomerCausedDamage(random.nextInt(6) == 0)
                .withPriceType(PriceType.values()[random.nextInt(PriceType.values().length)])
                .withSoldByUs(random.nextInt(8) != 0)
                .withCompanyErrors(random.nextInt(8) == 0, random.nextInt(8) == 0)
                .withLargeItem(random.nextBoolean() ? null : random.nextBoolean());
    }
}
