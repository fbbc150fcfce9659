package com.aftersales.platform.web;

import org.slf4j.MDC;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties together the log lines, events and responses caused by one request. The gateway
 * creates it (or accepts the caller's) and passes it in {@code X-Request-Id}; events carry it in
 * the CloudEvents extension {@code correlationid}.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "correlationId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private CorrelationId() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }

    /** The caller's id if it is well formed, otherwise a new one. */
    public static String acceptOrCreate(String candidate) {
        return candidate != null && ACCEPTED.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    /** Puts the id in the logging context until the scope is closed (a new id if none is given). */
    public static Scope open(String id) {
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, acceptOrCreate(id));
        return () -> {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        };
    }

    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
