package com.aftersales.ticket.knowledge;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Error codes in a text (E1, Err2, F3, H6, E21, "err 2", "Ｅ１"): one to three letters then one to three digits, not
 * part of a longer word or model number, matched exactly as one upper-case token ({@code ERR2} is not {@code E2}).
 */
public final class ErrorCodes {

    private static final Pattern CODE = Pattern.compile("(?<![A-Za-z0-9\\-/])([A-Za-z]{1,3})[ \\-]?([0-9]{1,3})(?![A-Za-z0-9\\-/])");

    private ErrorCodes() {
    }

    public static List<String> in(String text) {
        Set<String> codes = new LinkedHashSet<>();
        Matcher m = CODE.matcher(Vocabulary.normalise(text));
        while (m.find()) {
            codes.add(normalise(m.group(1) + m.group(2)));
        }
        return List.copyOf(codes);
    }

    /** An article's own fault code, the same way. */
    public static String normalise(String code) {
        return code == null ? null : Vocabulary.normalise(code).replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
    }
}
