package com.aftersales.authserver.login;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class LoginPageTest {

    @Test
    void chineseUnlessTheBrowserPrefersEnglishOrTheUserSwitched() {
        assertThat(LoginPage.locale(null, null)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(LoginPage.locale(null, "zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(LoginPage.locale(null, "en-US,en;q=0.9")).isEqualTo(Locale.ENGLISH);
        assertThat(LoginPage.locale(null, "fr-FR")).as("a language we do not have").isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(LoginPage.locale(null, "en;q=0.5,zh;q=0.9")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(LoginPage.locale(null, ";;;not a header")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(LoginPage.locale("en", "zh-CN")).isEqualTo(Locale.ENGLISH);
        assertThat(LoginPage.locale("zh-CN", "en")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }
}
