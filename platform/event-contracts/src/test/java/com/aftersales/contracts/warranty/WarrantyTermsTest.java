package com.aftersales.contracts.warranty;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bundled terms at their boundaries: the anniversary day is covered, the day after is not. */
class WarrantyTermsTest {

    private final WarrantyTerms terms = WarrantyTerms.bundled();

    @ParameterizedTest(name = "{0} bought {1}, installed {2}, on {3}: unit covered {4}")
    @CsvSource(nullValues = "-", textBlock = """
            # category,     purchase,   installed,  day,        unit covered, unit last day
            MOBILE_PHONE,    2026-03-10, -,          2027-03-10, true,  2027-03-10
            MOBILE_PHONE,    2026-03-10, -,          2027-03-11, false, 2027-03-10
            PHONE,           2026-03-10, -,          2027-03-10, true,  2027-03-10
            phone,           2026-03-10, -,          2027-03-11, false, 2027-03-10
            TELEVISION,      2024-02-29, -,          2025-02-28, true,  2025-02-28
            TELEVISION,      2024-02-29, -,          2025-03-01, false, 2025-02-28
            KETTLE,          2026-01-31, -,          2026-04-30, true,  2026-04-30
            KETTLE,          2026-01-31, -,          2026-05-01, false, 2026-04-30
            KETTLE,          2026-03-01, -,          2026-06-01, true,  2026-06-01
            KETTLE,          2026-03-01, -,          2026-06-02, false, 2026-06-01
            AIR_CONDITIONER, 2026-06-01, 2026-06-20, 2027-06-20, true,  2027-06-20
            AIR_CONDITIONER, 2026-06-01, 2026-06-20, 2027-06-21, false, 2027-06-20
            AIR_CONDITIONER, 2026-06-01, -,          2027-06-02, false, 2027-06-01
            REFRIGERATOR,    2026-06-01, 2026-06-20, 2027-06-02, false, 2027-06-01
            FRIDGE,          2026-06-01, -,          2027-06-01, true,  2027-06-01
            """)
    void unitCoverEndsOnTheAnniversaryDayInclusive(String category, LocalDate purchase, LocalDate installed, LocalDate day,
                                                   boolean covered, LocalDate lastDay) {
        WarrantyCheck check = terms.check(category, purchase, installed, day);

        assertThat(check.unit().lastDay()).isEqualTo(lastDay);
        assertThat(check.unitCovered()).isEqualTo(covered);
        assertThat(check.unit().covers(purchase.minusDays(1))).isFalse();
    }

    @ParameterizedTest(name = "{0} {1} bought {2}, on {3}: part covered {4}, unit covered {5}")
    @CsvSource(textBlock = """
            AIR_CONDITIONER, COMPRESSOR, 2026-06-01, 2031-06-01, true,  false
            AIR_CONDITIONER, COMPRESSOR, 2026-06-01, 2031-06-02, false, false
            AIR_CONDITIONER, COMPRESSOR, 2026-06-01, 2027-06-02, true,  false
            REFRIGERATOR,    COMPRESSOR, 2026-06-01, 2036-06-01, true,  false
            REFRIGERATOR,    COMPRESSOR, 2026-06-01, 2036-06-02, false, false
            WASHING_MACHINE, MOTOR,      2026-06-01, 2036-06-01, true,  false
            WASHING_MACHINE, MOTOR,      2026-06-01, 2027-06-01, true,  true
            """)
    void aPartWithLongerCoverOutlivesTheUnit(String category, String part, LocalDate purchase, LocalDate day,
                                             boolean partCovered, boolean unitCovered) {
        WarrantyCheck check = terms.check(category, purchase, null, day);

        assertThat(check.part(part).orElseThrow().covers(day)).isEqualTo(partCovered);
        assertThat(check.coveredParts().stream().anyMatch(c -> c.part().equals(part))).isEqualTo(partCovered);
        assertThat(check.unitCovered()).isEqualTo(unitCovered);
    }

    @ParameterizedTest(name = "a {1}-day window from {0}: {2} inside {3}")
    @CsvSource(textBlock = """
            2026-03-01, 7,  2026-03-08, true
            2026-03-01, 7,  2026-03-09, false
            2026-03-01, 15, 2026-03-16, true
            2026-03-01, 15, 2026-03-17, false
            2026-03-01, 30, 2026-03-31, true
            2026-03-01, 30, 2026-04-01, false
            """)
    void dayWindowsFollowTheSameRule(LocalDate start, int days, LocalDate day, boolean inside) {
        assertThat(!day.isAfter(WarrantyTerms.lastDay(start, days))).isEqualTo(inside);
    }

    @Test
    void aliasesResolveToOneCanonicalCodeAndUnlistedCodesTakeTheDefaultTerms() {
        assertThat(terms.canonical(" phone ")).isEqualTo("MOBILE_PHONE");
        assertThat(terms.canonical("MOBILE_PHONE")).isEqualTo("MOBILE_PHONE");
        assertThat(terms.isListed("PHONE")).isTrue();
        assertThat(terms.forCategory("ROOFING").category()).isEqualTo(WarrantyTerms.DEFAULT_TERMS);
        assertThat(terms.forCategory("ROOFING").length()).isEqualTo(Period.ofMonths(3));
        assertThat(terms.check("ROOFING", LocalDate.parse("2026-01-01"), null, LocalDate.parse("2026-01-01")).termsKey())
                .isEqualTo(WarrantyTerms.DEFAULT_TERMS);
    }

    @Test
    void inconsistentTermsAreRefused() {
        assertThatThrownBy(() -> parse("""
                {"version":"x","default":{"length":"P3M"},"categories":{"TV":{"length":"P1Y"}},"aliases":{"T":"TELLY"}}"""))
                .hasMessageContaining("TELLY");
        assertThatThrownBy(() -> parse("""
                {"version":"x","default":{"length":"P3M"},"categories":{"AC":{"length":"P1Y","parts":{"FAN":"P6M"}}}}"""))
                .hasMessageContaining("shorter than the unit");
        assertThatThrownBy(() -> parse("""
                {"version":"x","default":{"length":"one year"}}"""))
                .hasMessageContaining("ISO-8601");
    }

    private static WarrantyTerms parse(String json) {
        return WarrantyTerms.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
