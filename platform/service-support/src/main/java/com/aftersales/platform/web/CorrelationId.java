package com.aftersales.platform.web;

import com.aftersales.security.CorrelationIds;
import org.slf4j.MDC;

import java.util.Optional;

/**
 * The id that ties together the log lines, events and responses caused by one request. The gateway
 * creates it (or accepts the caller's) and passes it in {@code X-Request-Id}; events carry it in
 * the CloudEvents extension {@code correlationid}.
 */
public final class CorrelationId {

    public static final String HEADER = CorrelationIds.HEADER;
    public static final String MDC_KEY = CorrelationIds.MDC_KEY;

    private CorrelationId() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }

    /** The caller's id if it is well formed, otherwise a new one. */
    public static String acceptOrCreate(String candidate) {
        return CorrelationIds.acceptOrCreate(candidate);
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
