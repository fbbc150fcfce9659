package com.aftersales.ticket.ticket;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A timeline line another service's report makes: the English text stored as the entry's reason, and the key and
 * arguments of {@code timeline[_zh].properties} that write it in the reader's language.
 *
 * @param key  null for a text that exists in one language only (typed by a person)
 * @param args arguments of the key; one starting with '§' is a key of the bundle itself
 */
public record TimelineText(String english, String key, List<String> args) {

    public TimelineText {
        Objects.requireNonNull(english);
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static TimelineText of(String english, String key, Object... args) {
        return new TimelineText(english, key, Arrays.stream(args).map(a -> a == null ? "—" : a.toString()).toList());
    }

    /** A text in one language only. */
    public static TimelineText plain(String text) {
        return new TimelineText(text, null, List.of());
    }
}
