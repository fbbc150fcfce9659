package com.aftersales.returns.policy;

import com.aftersales.contracts.warranty.WarrantyTerms;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy application.yml ships is the brief's: the numbers the table test runs against, bound as the service binds them. */
class ShippedPolicyConfigurationTest {

    private static PolicyProperties shipped() throws IOException {
        var sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
        return new Binder(ConfigurationPropertySources.from(sources)).bind("aftersales.returns.policy", PolicyProperties.class)
                .orElseThrow(() -> new AssertionError("no aftersales.returns.policy"));
    }

    @Test
    void theShippedDefaultsAreTheBriefsNumbers() throws IOException {
        PolicySettings settings = shipped().toSettings(WarrantyTerms.bundled());
        PolicySettings brief = PolicyFixtures.briefDefaults();

        CategoryPolicy defaults = settings.defaults();
        assertThat(defaults.noReasonReturnDays()).isEqualTo(brief.defaults().noReasonReturnDays()).isEqualTo(7);
        assertThat(defaults.refundDays()).isEqualTo(15);
        assertThat(defaults.exchangeDays()).isEqualTo(30);
        assertThat(settings.terms().defaults().length()).isEqualTo(Period.ofMonths(3));
        assertThat(settings.terms().forCategory("PHONE").length()).isEqualTo(Period.ofYears(1));
        assertThat(settings.terms().forCategory("AIR_CONDITIONER").length()).isEqualTo(Period.ofYears(1));
        assertThat(settings.forCategory("AIR_CONDITIONER").largeItem()).isTrue();
        assertThat(settings.forCategory("AIR_CONDITIONER").refundDays()).as("inherited").isEqualTo(15);
        assertThat(settings.forCategory("AIR_CONDITIONER").versionTag()).isEqualTo("AIR_CONDITIONER@" + settings.version());
        assertThat(settings.dealer()).isEqualTo(brief.dealer());
        assertThat(settings.dealer().photoApprovalTime()).isEqualTo(Duration.ofHours(24));
        assertThat(shipped().toTimeZones().zoneOf("ANY")).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void theShippedPolicyDecidesTheBoundariesAsTheBriefSays() throws IOException {
        ReturnPolicyEngine engine = new ReturnPolicyEngine(shipped().toSettings(WarrantyTerms.bundled()));
        LocalDate bought = LocalDate.of(2025, 11, 30);

        assertThat(engine.evaluate(CaseFacts.consumer("KETTLE", bought, LocalDate.of(2025, 12, 7))).remedy())
                .isEqualTo(Remedy.NO_REASON_RETURN);
        assertThat(engine.evaluate(CaseFacts.consumer("KETTLE", bought, LocalDate.of(2025, 12, 8))).remedy())
                .isEqualTo(Remedy.REJECTED);
        assertThat(engine.evaluate(CaseFacts.consumer("KETTLE", bought, LocalDate.of(2026, 2, 28)).withQualityFault(true)).remedy())
                .isEqualTo(Remedy.FREE_REPAIR);
        assertThat(engine.evaluate(CaseFacts.consumer("KETTLE", bought, LocalDate.of(2026, 3, 1)).withQualityFault(true)).remedy())
                .isEqualTo(Remedy.PAID_REPAIR);
        assertThat(engine.evaluate(CaseFacts.consumer("TELEVISION", bought, LocalDate.of(2026, 3, 1)).withQualityFault(true)).remedy())
                .isEqualTo(Remedy.FREE_REPAIR);
    }
}
