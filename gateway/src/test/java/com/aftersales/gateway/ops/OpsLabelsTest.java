package com.aftersales.gateway.ops;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The console follows the browser's language, and the Chinese and English label bundles carry the same keys. */
class OpsLabelsTest {

    private final OpsLabels labels = new OpsLabels(List.of("en", "zh"));

    @Test
    void picksTheBrowsersPreferredSupportedLanguage() {
        assertThat(labels.languageFor(Locale.LanguageRange.parse("zh-CN,zh;q=0.9,en;q=0.8"))).isEqualTo("zh");
        assertThat(labels.languageFor(Locale.LanguageRange.parse("zh-TW"))).isEqualTo("zh");
        assertThat(labels.languageFor(Locale.LanguageRange.parse("en-GB,en;q=0.9"))).isEqualTo("en");
        assertThat(labels.languageFor(Locale.LanguageRange.parse("fr-FR,de;q=0.5"))).as("fallback").isEqualTo("en");
        assertThat(labels.languageFor(List.of())).isEqualTo("en");
    }

    @Test
    void chineseAndEnglishLabelsCoverTheSameKeys() {
        Map<String, String> english = labels.messages(Locale.ENGLISH);
        Map<String, String> chinese = labels.messages(Locale.CHINESE);

        assertThat(chinese.keySet()).isEqualTo(english.keySet());
        assertThat(english.get("title")).isEqualTo("After-sales operations");
        assertThat(chinese.get("title")).isEqualTo("售后运营看板");
        // Every key is translated, not inherited from the English base bundle.
        english.forEach((key, text) -> assertThat(chinese.get(key)).as(key).isNotEqualTo(text));
    }
}
