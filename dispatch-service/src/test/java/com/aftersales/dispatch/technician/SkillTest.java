package com.aftersales.dispatch.technician;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SkillTest {

    @Test
    void aFaultCategorySkillIsWrittenAsThePlatformWritesTheCategory() {
        assertThat(Skill.code(Skill.Kind.FAULT_CATEGORY, "cooling")).isEqualTo("COOLING");
        assertThat(Skill.code(Skill.Kind.FAULT_CATEGORY, "water leak")).isEqualTo("LEAK");
        // a job for "不制冷" needs the same skill as one for COOLING
        assertThat(Skill.key(Skill.Kind.FAULT_CATEGORY, "不制冷")).isEqualTo(Skill.key(Skill.Kind.FAULT_CATEGORY, "COOLING"));
    }

    @Test
    void aProductCategoryIsUpperCaseWhateverTheLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            assertThat(Skill.code(Skill.Kind.PRODUCT_CATEGORY, " air_conditioner ")).isEqualTo("AIR_CONDITIONER");
        } finally {
            java.util.Locale.setDefault(before);
        }
        assertThat(Skill.code(Skill.Kind.PRODUCT_CATEGORY, null)).isNull();
    }
}
