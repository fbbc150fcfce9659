package com.aftersales.ticket.language;

import com.aftersales.testsupport.MessageBundles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** ticket-service's bundles: same keys in English and Chinese, no English sentence in a Chinese value. */
class MessageBundlesTest {

    @Test
    void everyChineseBundleHasItsKeysAndNoEnglish() {
        Path resources = Path.of("src/main/resources");
        assertThat(MessageBundles.pairs(resources)).isNotEmpty();
        assertThat(MessageBundles.problems(resources)).isEmpty();
    }
}
