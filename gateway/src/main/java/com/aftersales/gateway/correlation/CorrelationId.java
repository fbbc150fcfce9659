package com.aftersales.gateway.correlation;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.web.server.ServerWebExchange;

/**
 * The correlation id of one exchange: the caller's {@code X-Request-Id} when it is safe to echo
 * and log, a fresh UUID otherwise.
 */
public final class CorrelationId {

	/** Header that carries the id in both directions. */
	public static final String HEADER = "X-Request-Id";

	/** MDC key; application.yml's log pattern prints it. */
	public static final String MDC_KEY = "correlationId";

	/** Exchange attribute under which the accepted id is stored for the rest of the exchange. */
	public static final String ATTRIBUTE = CorrelationId.class.getName();

	/**
	 * Accepted shape of a caller-supplied id: short and free of characters that could forge log
	 * lines or inject headers.
	 */
	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private CorrelationId() {
	}

	/** Returns {@code candidate} if it is acceptable, otherwise a new random id. */
	static String acceptOrCreate(String candidate) {
		if (candidate != null && VALID.matcher(candidate).matches()) {
			return candidate;
		}
		return UUID.randomUUID().toString();
	}

	/** The id of this exchange, or {@code null} before the correlation filter ran. */
	public static String of(ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE);
	}

}
