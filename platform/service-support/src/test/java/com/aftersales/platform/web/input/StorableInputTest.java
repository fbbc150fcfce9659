package com.aftersales.platform.web.input;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static com.aftersales.platform.web.input.StorableInput.Violation.DATE_OUT_OF_RANGE;
import static com.aftersales.platform.web.input.StorableInput.Violation.UNSTORABLE_CHARACTER;
import static org.assertj.core.api.Assertions.assertThat;

class StorableInputTest {

    private final StorableInput rule = new StorableInput(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31));

    @Test
    void textWithoutNulAndWithPairedSurrogatesIsStorable() {
        assertThat(rule.check("空调不制冷 😀 O'Brien; DROP TABLE x; -- \\u0000")).isEmpty();
        assertThat(rule.check("a\u0000b")).get().extracting(StorableInput.Finding::violation).isEqualTo(UNSTORABLE_CHARACTER);
        assertThat(rule.check("lone \ud83d high")).get().extracting(StorableInput.Finding::violation).isEqualTo(UNSTORABLE_CHARACTER);
        assertThat(rule.check("high at the end \ud83d")).isPresent();
        assertThat(rule.check("lone \ude00 low")).isPresent();
    }

    @Test
    void datesAndInstantsMustLieInTheConfiguredYears() {
        assertThat(rule.check(Instant.parse("9999-12-31T23:59:59Z"))).isEmpty();
        assertThat(rule.check(Instant.parse("0001-01-01T00:00:00Z"))).isEmpty();
        assertThat(rule.check(Instant.parse("+999999-12-31T00:00:00Z"))).get()
                .extracting(StorableInput.Finding::violation).isEqualTo(DATE_OUT_OF_RANGE);
        assertThat(rule.check(Instant.parse("-000001-12-31T23:59:59Z"))).isPresent();
        assertThat(rule.check(OffsetDateTime.parse("+10000-01-01T09:00:00+08:00"))).isPresent();
        assertThat(rule.check(LocalDateTime.of(10000, 1, 1, 0, 0))).isPresent();
        assertThat(rule.check(LocalDate.of(10000, 1, 1))).isPresent();
        assertThat(rule.check(LocalDate.of(2026, 2, 28))).isEmpty();
        assertThat(rule.check(YearMonth.of(10000, 1))).isPresent();
        assertThat(rule.check(YearMonth.of(2026, 12))).isEmpty();
    }

    @Test
    void collectionsAndMapsAreWalkedAndTheFindingSaysWhere() {
        assertThat(rule.check(List.of("ok", "also ok", "bad\u0000"))).get()
                .isEqualTo(new StorableInput.Finding("[2]", UNSTORABLE_CHARACTER));
        assertThat(rule.check(Map.of("note", List.of(Map.of("at", LocalDate.of(10000, 1, 1)))))).get()
                .isEqualTo(new StorableInput.Finding(".note[0].at", DATE_OUT_OF_RANGE));
        assertThat(rule.check(Map.of("bad\u0000key", "value"))).isPresent();
        assertThat(rule.check(42)).isEmpty();
    }
}
