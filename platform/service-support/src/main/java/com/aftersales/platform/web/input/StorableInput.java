package com.aftersales.platform.web.input;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The rule "what a client sends can be stored and compared by PostgreSQL": strings without NUL (PostgreSQL's text
 * cannot hold it) and without unpaired UTF-16 surrogates (not encodable in UTF-8), dates and instants between
 * {@code earliest} and {@code latest} inclusive (PostgreSQL's own range is wider, but the drivers, ISO 8601 clients
 * and JavaScript agree only on four-digit years). Walks collections, maps and JSON trees and says where the first
 * offending value is.
 */
public final class StorableInput {

    /** Why a value is refused; the key names its field message in the problem bundles. */
    public enum Violation {
        UNSTORABLE_CHARACTER("field.unstorable-character"),
        DATE_OUT_OF_RANGE("field.date-out-of-range");

        private final String messageKey;

        Violation(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** The offending value's place below the checked value ({@code ""} for the value itself) and what is wrong. */
    public record Finding(String path, Violation violation) {

        Finding under(String parent) {
            return new Finding(parent + path, violation);
        }
    }

    private final LocalDate earliest;
    private final LocalDate latest;
    private final Instant earliestInstant;
    private final Instant afterLatestInstant;

    public StorableInput(LocalDate earliest, LocalDate latest) {
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException("latest " + latest + " is before earliest " + earliest);
        }
        this.earliest = earliest;
        this.latest = latest;
        this.earliestInstant = earliest.atStartOfDay().toInstant(ZoneOffset.UTC);
        this.afterLatestInstant = latest.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public LocalDate earliest() {
        return earliest;
    }

    public LocalDate latest() {
        return latest;
    }

    /** The first value in {@code value} (or below it) that cannot be stored, if any. */
    public Optional<Finding> check(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof CharSequence text) {
            return storable(text) ? Optional.empty() : here(Violation.UNSTORABLE_CHARACTER);
        }
        if (value instanceof Instant instant) {
            return inRange(instant) ? Optional.empty() : here(Violation.DATE_OUT_OF_RANGE);
        }
        if (value instanceof OffsetDateTime time) {
            return check(time.toInstant());
        }
        if (value instanceof ZonedDateTime time) {
            return check(time.toInstant());
        }
        if (value instanceof LocalDateTime time) {
            return check(time.toLocalDate());
        }
        if (value instanceof LocalDate date) {
            return date.isBefore(earliest) || date.isAfter(latest) ? here(Violation.DATE_OUT_OF_RANGE) : Optional.empty();
        }
        if (value instanceof YearMonth month) {
            return month.isBefore(YearMonth.from(earliest)) || month.isAfter(YearMonth.from(latest))
                    ? here(Violation.DATE_OUT_OF_RANGE) : Optional.empty();
        }
        if (value instanceof Year year) {
            return year.getValue() < earliest.getYear() || year.getValue() > latest.getYear()
                    ? here(Violation.DATE_OUT_OF_RANGE) : Optional.empty();
        }
        if (value instanceof JsonNode node) {
            return checkNode(node);
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                Optional<Finding> found = check(entry.getKey()).or(() -> check(entry.getValue()));
                if (found.isPresent()) {
                    return Optional.of(found.get().under("." + key));
                }
            }
            return Optional.empty();
        }
        if (value instanceof Collection<?> items) {
            return checkAll(items.iterator());
        }
        if (value instanceof Object[] items) {
            return checkAll(java.util.Arrays.asList(items).iterator());
        }
        return Optional.empty();
    }

    private Optional<Finding> checkAll(Iterator<?> items) {
        for (int index = 0; items.hasNext(); index++) {
            Optional<Finding> found = check(items.next());
            if (found.isPresent()) {
                return Optional.of(found.get().under("[" + index + "]"));
            }
        }
        return Optional.empty();
    }

    private Optional<Finding> checkNode(JsonNode node) {
        if (node.isString()) {
            return check(node.asString());
        }
        if (node.isArray()) {
            return checkAll(node.values().iterator());
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                Optional<Finding> found = check(entry.getKey()).or(() -> checkNode(entry.getValue()));
                if (found.isPresent()) {
                    return Optional.of(found.get().under("." + entry.getKey()));
                }
            }
        }
        return Optional.empty();
    }

    private boolean inRange(Instant instant) {
        return !instant.isBefore(earliestInstant) && instant.isBefore(afterLatestInstant);
    }

    /** No NUL and every surrogate paired: the text survives UTF-8 and PostgreSQL's text type unchanged. */
    static boolean storable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Finding> here(Violation violation) {
        return Optional.of(new Finding("", violation));
    }
}
