package com.aftersales.gateway.problem;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request the gateway turns away on purpose before (or instead of) calling a backend: rate limit, open
 * circuit, full bulkhead, oversized body. Carries the problem's slug, a fixed detail text and, when the client
 * may try again, how long to wait ({@code Retry-After}, whole seconds, rounded up).
 */
public final class GatewayRejection extends ResponseStatusException {

    private final String slug;

    private final String detail;

    private final Duration retryAfter;

    public GatewayRejection(HttpStatus status, String slug, String detail, Duration retryAfter) {
        super(status, detail);
        this.slug = slug;
        this.detail = detail;
        this.retryAfter = retryAfter;
    }

    public String slug() {
        return slug;
    }

    public String detailText() {
        return detail;
    }

    public HttpStatus status() {
        return HttpStatus.valueOf(getStatusCode().value());
    }

    /** Headers of the answer: {@code Retry-After} when set. */
    public HttpHeaders answerHeaders() {
        HttpHeaders headers = new HttpHeaders();
        if (retryAfter != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(retryAfter)));
        }
        return headers;
    }

    /** At least one second: {@code Retry-After: 0} would invite an immediate retry storm. */
    public static long retryAfterSeconds(Duration wait) {
        long millis = Math.max(wait.toMillis(), 1);
        return Math.max(1, (millis + 999) / 1000);
    }

    /** Stack traces of deliberate rejections are noise. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

}
