package com.aftersales.gateway.problem;

import org.springframework.http.HttpStatus;

/**
 * A failure the gateway answers itself. The {@code type} URI is stable and derived from the
 * slug, so clients may switch on it; titles are the HTTP reason phrases and never carry
 * exception text.
 *
 * @param slug last segment of the type URI, e.g. {@code service-unavailable}
 * @param status HTTP status of the answer
 */
record GatewayProblem(String slug, HttpStatus status) {

    static final GatewayProblem NOT_FOUND = of(HttpStatus.NOT_FOUND);

    static final GatewayProblem SERVICE_UNAVAILABLE = of(HttpStatus.SERVICE_UNAVAILABLE);

    static final GatewayProblem GATEWAY_TIMEOUT = of(HttpStatus.GATEWAY_TIMEOUT);

    static final GatewayProblem BAD_GATEWAY = of(HttpStatus.BAD_GATEWAY);

    static final GatewayProblem INTERNAL_ERROR = new GatewayProblem("internal-error",
            HttpStatus.INTERNAL_SERVER_ERROR);

    /** A problem named after the status, e.g. 405 becomes {@code method-not-allowed}. */
    static GatewayProblem of(HttpStatus status) {
        return new GatewayProblem(ProblemWriter.slugOf(status), status);
    }

    String type() {
        return ProblemWriter.TYPE_PREFIX + slug;
    }

    String title() {
        return status.getReasonPhrase();
    }

}
