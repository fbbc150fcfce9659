package com.aftersales.feedback.notification;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryPolicyTest {

    private final DeliveryPolicy policy = new DeliveryPolicy(List.of(ChannelKind.WECHAT, ChannelKind.SMS, ChannelKind.EMAIL),
            4, Duration.ofSeconds(30), 3.0, Duration.ofMinutes(5));

    @ParameterizedTest(name = "after attempt {0}: wait {1}")
    @CsvSource({"1, PT30S", "2, PT1M30S", "3, PT4M30S", "4, PT5M", "9, PT5M"})
    void backOffGrowsByTheMultiplierUpToTheMaximum(int attempt, Duration wait) {
        assertThat(policy.backoffAfter(attempt)).isEqualTo(wait);
    }

    @Test
    void givesUpAtMaxAttempts() {
        assertThat(policy.exhausted(3)).isFalse();
        assertThat(policy.exhausted(4)).isTrue();
    }

    @Test
    void theFirstPreferredChannelThatIsEnabledAndHasAnAddress() {
        Map<ChannelKind, String> all = Map.of(ChannelKind.SMS, "+8613800000000", ChannelKind.WECHAT, "oX1",
                ChannelKind.EMAIL, "a@b.cn");
        assertThat(policy.choose(all, EnumSet.allOf(ChannelKind.class))).contains(new DeliveryPolicy.Choice(ChannelKind.WECHAT, "oX1"));
        assertThat(policy.choose(all, EnumSet.of(ChannelKind.SMS, ChannelKind.EMAIL)))
                .contains(new DeliveryPolicy.Choice(ChannelKind.SMS, "+8613800000000"));
        assertThat(policy.choose(Map.of(ChannelKind.EMAIL, "a@b.cn", ChannelKind.WECHAT, " "), EnumSet.allOf(ChannelKind.class)))
                .contains(new DeliveryPolicy.Choice(ChannelKind.EMAIL, "a@b.cn"));
        assertThat(policy.choose(Map.of(ChannelKind.EMAIL, "a@b.cn"), EnumSet.of(ChannelKind.SMS))).isEmpty();
    }

    @Test
    void refusesASettingThatCannotWork() {
        assertThatThrownBy(() -> new DeliveryPolicy(List.of(ChannelKind.SMS), 0, Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryPolicy(List.of(ChannelKind.SMS), 3, Duration.ofMinutes(2), 2.0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
