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

    @Test
    void aSkillStoredInAnotherSpellingStillMatchesItsJobs() {
        // as a row written before codes were normalised is read back
        Technician technician = new Technician(java.util.UUID.randomUUID(), "王师傅",
                java.util.List.of(new Skill(Skill.Kind.FAULT_CATEGORY, "water leak", 2), new Skill(Skill.Kind.PRODUCT_CATEGORY, "washer", 1)),
                null, null, null, 4, null, null, null, null, null, 0);

        assertThat(technician.skill(Skill.Kind.FAULT_CATEGORY, "LEAK")).map(Skill::level).contains(2);
        assertThat(technician.skill(Skill.Kind.FAULT_CATEGORY, "漏水")).map(Skill::code).contains("LEAK");
        assertThat(technician.skill(Skill.Kind.PRODUCT_CATEGORY, "Washer")).isPresent();
        assertThat(technician.skill(Skill.Kind.PRODUCT_CATEGORY, "DRYER")).isEmpty();
    }
}
