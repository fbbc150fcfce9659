package com.aftersales.contracts.fault;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class FaultCategoriesTest {

    @Test
    void aListedCodeStaysAsItIsAndOtherSpellingsBecomeIt() {
        assertThat(FaultCategories.CODES).allSatisfy(code -> assertThat(FaultCategories.normalise(code)).isEqualTo(code));
        assertThat(FaultCategories.normalise(" cooling ")).isEqualTo("COOLING");
        assertThat(FaultCategories.normalise("Leakage")).isEqualTo("LEAK");
        assertThat(FaultCategories.normalise("water-leak")).isEqualTo("LEAK");
        assertThat(FaultCategories.normalise("不制冷")).isEqualTo("COOLING");
        assertThat(FaultCategories.normalise("abnormal noise")).isEqualTo("NOISE");
    }

    @Test
    void anUnlistedCategoryIsKeptInTheSameSpellingAndNothingIsNull() {
        assertThat(FaultCategories.normalise("compressor / start-up")).isEqualTo("COMPRESSOR_START_UP");
        assertThat(FaultCategories.isListed("COMPRESSOR_START_UP")).isFalse();
        assertThat(FaultCategories.normalise(null)).isNull();
        assertThat(FaultCategories.normalise("  ")).isNull();
        assertThat(FaultCategories.normalise("--")).isNull();
    }

    @Test
    void theSpellingDoesNotDependOnTheServersLocale() {
        Locale before = Locale.getDefault();
        try {
            // In Turkish, "i".toUpperCase() is a dotted capital İ: a technician's "heating" would become a new category.
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(FaultCategories.normalise("heating")).isEqualTo("HEATING");
            assertThat(FaultCategories.normalise("display")).isEqualTo("DISPLAY");
        } finally {
            Locale.setDefault(before);
        }
    }
}
