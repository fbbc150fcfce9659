package com.aftersales.contracts;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * Reads the times and dates of event payloads in the one form the platform's producers write them — {@code Instant}
 * as {@code 2026-12-04T18:51:50.123456Z} (ISO-8601 in UTC, 0 to 9 fraction digits), {@code LocalDate} as
 * {@code 2026-12-04} — by plain arithmetic, and hands anything else to Jackson's own deserializers unchanged (other
 * offsets, numbers, leap seconds, years outside 0000-9999, invalid dates and the errors they give).
 * <p>
 * Why: Jackson parses every such value with {@code DateTimeFormatter}, which was more than half of mapping an event's
 * data in the {@code event-decode} profile, and every consumer group maps every event it handles. The values read are
 * the same ({@code IsoDateTimeModuleTest} holds this reader to Jackson's on generated and edge-case values).
 */
final class IsoDateTimeModule extends SimpleModule {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final int SECONDS_PER_HOUR = 3_600;
    private static final int SECONDS_PER_MINUTE = 60;
    private static final int NANO_DIGITS = 9;
    /** {@code yyyy-MM-dd}. */
    private static final int DATE_LENGTH = 10;
    /** {@code yyyy-MM-ddTHH:mm:ss}, before the fraction and the zone. */
    private static final int DATE_TIME_LENGTH = 19;

    IsoDateTimeModule() {
        super("aftersales-iso-date-time");
        addDeserializer(Instant.class, new CanonicalFormReader<>(InstantDeserializer.INSTANT,
                IsoDateTimeModule::canonicalInstant));
        addDeserializer(LocalDate.class, new CanonicalFormReader<>(LocalDateDeserializer.INSTANCE,
                text -> text.length() == DATE_LENGTH ? canonicalDate(text) : null));
    }

    /** An {@code Instant} in the producers' form, or null when the text is in any other form. */
    static Instant canonicalInstant(String text) {
        int length = text.length();
        if (length < DATE_TIME_LENGTH + 1 || text.charAt(length - 1) != 'Z' || text.charAt(DATE_LENGTH) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        LocalDate date = canonicalDate(text);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        int fractionDigits = length - 1 - (DATE_TIME_LENGTH + 1);
        if (length > DATE_TIME_LENGTH + 1) {
            if (text.charAt(DATE_TIME_LENGTH) != '.' || fractionDigits < 1 || fractionDigits > NANO_DIGITS) {
                return null;
            }
            int fraction = digits(text, DATE_TIME_LENGTH + 1, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = fractionDigits; i < NANO_DIGITS; i++) {
                nanos *= 10;
            }
        }
        long seconds = date.toEpochDay() * SECONDS_PER_DAY + hour * SECONDS_PER_HOUR + minute * SECONDS_PER_MINUTE + second;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** A {@code LocalDate} from the first ten characters in the producers' form, or null when they are not. */
    static LocalDate canonicalDate(String text) {
        if (text.length() < DATE_LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException invalidDay) {
            return null; // e.g. 2023-02-29: Jackson's reader gives the error
        }
    }

    /** The decimal number in {@code text[from, to)}, or -1 when a character is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The producers' form read by {@code canonical}; anything else (or null from it) read by Jackson's own reader. */
    private static final class CanonicalFormReader<T> extends ValueDeserializer<T> {

        private final ValueDeserializer<?> jackson;
        private final Function<String, T> canonical;

        CanonicalFormReader(ValueDeserializer<?> jackson, Function<String, T> canonical) {
            this.jackson = jackson;
            this.canonical = canonical;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                T value = canonical.apply(p.getString());
                if (value != null) {
                    return value;
                }
            }
            return (T) jackson.deserialize(p, ctxt);
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            ValueDeserializer<?> contextual = jackson.createContextual(ctxt, property);
            return contextual == jackson ? this : new CanonicalFormReader<>(contextual, canonical);
        }
    }
}
