package com.aftersales.gateway.correlation;

import com.aftersales.security.CorrelationIds;

import org.springframework.web.server.ServerWebExchange;

/**
 * The correlation id of one exchange: the caller's {@code X-Request-Id} when it is safe to echo
 * and log, a fresh UUID otherwise ({@link CorrelationIds}, the same rule as every service's).
 */
public final class CorrelationId {

    /** Header that carries the id in both directions. */
    public static final String HEADER = CorrelationIds.HEADER;

    /** MDC key; application.yml's log pattern prints it. */
    public static final String MDC_KEY = CorrelationIds.MDC_KEY;

    /** Exchange attribute under which the accepted id is stored for the rest of the exchange. */
    public static final String ATTRIBUTE = CorrelationId.class.getName();

    private CorrelationId() {
    }

    /** Returns {@code candidate} if it is acceptable, otherwise a new random id. */
    static String acceptOrCreate(String candidate) {
        return CorrelationIds.acceptOrCreate(candidate);
    }

    /** The id of this exchange, or {@code null} before the correlation filter ran. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

}
