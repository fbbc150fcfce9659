package com.aftersales.contracts;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event payloads' times and dates read by {@link IsoDateTimeModule} are the ones Jackson's own java.time
 * deserializers read, and what Jackson refuses the module refuses: generated values in the producers' form, every
 * fraction length, and edge cases in and out of that form.
 */
class IsoDateTimeModuleTest {

    private static final JsonMapper JACKSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private static final JsonMapper WITH_MODULE = JACKSON.rebuild().addModule(new IsoDateTimeModule()).build();
    private static final long YEAR_0000 = LocalDate.of(0, 1, 1).toEpochDay() * 86_400;
    private static final long YEAR_10000 = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400;

    record Times(Instant at, LocalDate on) {
    }

    @Test
    void readsGeneratedInstantsAsJacksonDoes() {
        Random random = new Random(20261204);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(YEAR_0000 + (long) (random.nextDouble() * (YEAR_10000 - YEAR_0000)),
                    random.nextInt(1_000_000_000));
            texts.add(instant.toString()); // what the producers write: 0, 3, 6 or 9 fraction digits
            int digits = random.nextInt(10);
            texts.add(instant.truncatedTo(ChronoUnit.SECONDS) + (digits == 0 ? "" : "." + String.format("%09d",
                    instant.getNano()).substring(0, digits)) + "Z");
        }
        texts.forEach(IsoDateTimeModuleTest::assertSameInstant);
    }

    @Test
    void readsInstantsInAndOutOfTheProducersFormAsJacksonDoes() {
        for (String text : List.of("2026-12-04T18:51:50Z", "2026-12-04T18:51:50.1Z", "2026-12-04T18:51:50.123456789Z",
                "2024-02-29T23:59:59.999999999Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z",
                // other forms: Jackson reads or refuses them, the module only passes them on
                "2026-12-04T18:51:50+00:00", "2026-12-04T18:51:50+08:00", "2026-12-04T18:51:50.25-05:30",
                "2026-12-04T18:51:50.Z", "2026-12-04T18:51:50.1234567890Z", "2026-12-04T18:51Z", "2026-12-04T24:00:00Z",
                "2026-12-04T23:59:60Z", "2026-12-04T18:60:00Z", "2026-13-04T18:51:50Z", "2026-00-04T18:51:50Z",
                "2026-12-00T18:51:50Z", "2023-02-29T10:00:00Z", "2026-04-31T10:00:00Z", "+12026-12-04T18:51:50Z",
                "-0001-12-04T18:51:50Z", "2026-12-04t18:51:50z", " 2026-12-04T18:51:50Z", "2026-12-04T18:51:50Z ",
                "2026-12-04 18:51:50Z", "2026/12/04T18:51:50Z", "2026-12-04T18:5a:50Z", "2026-12-04T18:51:50", "",
                "Z", "1733338310", "1733338310.5", "2026-12-04")) {
            assertSameInstant(text);
        }
    }

    @Test
    void readsInstantsGivenAsNumbersAsJacksonDoes() {
        for (String number : List.of("1733338310", "1733338310.123", "-1", "0")) {
            assertThat(read(WITH_MODULE, "{\"at\":" + number + "}")).isEqualTo(read(JACKSON, "{\"at\":" + number + "}"));
        }
    }

    @Test
    void readsDatesAsJacksonDoes() {
        Random random = new Random(4);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            texts.add(LocalDate.ofEpochDay(LocalDate.of(0, 1, 1).toEpochDay()
                    + random.nextInt((int) (LocalDate.of(10_000, 1, 1).toEpochDay() - LocalDate.of(0, 1, 1).toEpochDay())))
                    .toString());
        }
        texts.addAll(List.of("2024-02-29", "2023-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
                "2026-1-01", "2026-01-1", "+12026-01-01", "-0001-01-01", "2026/01/01", "2026-01-01T10:00:00",
                "2026-01-01T10:00:00Z", " 2026-01-01", "2026-01-01 ", "20260101", "", "2026-0a-01"));
        for (String text : texts) {
            String json = "{\"on\":\"" + text + "\"}";
            assertThat(outcome(WITH_MODULE, json)).as(text).isEqualTo(outcome(JACKSON, json));
        }
    }

    @Test
    void theEventCodecReadsThroughTheModule() {
        assertThat(new EventCodec().mapper().registeredModules()).anyMatch(module -> module instanceof IsoDateTimeModule);
        // and a module's deserializer is the one used, ahead of Jackson's built-in java.time support
        SimpleModule epochOnly = new SimpleModule().addDeserializer(Instant.class, new ValueDeserializer<Instant>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
                return Instant.EPOCH;
            }
        });
        assertThat(read(JACKSON.rebuild().addModule(epochOnly).build(), "{\"at\":\"2026-12-04T18:51:50Z\"}").at())
                .isEqualTo(Instant.EPOCH);
    }

    private static void assertSameInstant(String text) {
        String json = "{\"at\":\"" + text + "\"}";
        assertThat(outcome(WITH_MODULE, json)).as(text).isEqualTo(outcome(JACKSON, json));
    }

    /** The value read, or the kind of error: the module must agree on both. */
    private static Object outcome(JsonMapper mapper, String json) {
        try {
            return read(mapper, json);
        } catch (RuntimeException refused) {
            return "refused: " + refused.getClass().getSimpleName();
        }
    }

    private static Times read(JsonMapper mapper, String json) {
        return mapper.readValue(json, Times.class);
    }
}
