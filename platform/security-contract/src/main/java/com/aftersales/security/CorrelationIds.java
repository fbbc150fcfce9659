package com.aftersales.security;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id a caller may send in {@code X-Request-Id}: echoed and logged only when it is short and free of
 * characters that could forge log lines or inject headers, otherwise replaced by a new UUID. The gateway decides first,
 * every service again (a service port may be called directly).
 */
public final class CorrelationIds {

    /** Header that carries the id in both directions. */
    public static final String HEADER = "X-Request-Id";
    /** MDC key the log patterns print. */
    public static final String MDC_KEY = "correlationId";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private CorrelationIds() {
    }

    /** The caller's id if it is well formed, otherwise a new one. */
    public static String acceptOrCreate(String candidate) {
        return candidate != null && ACCEPTED.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }
}
