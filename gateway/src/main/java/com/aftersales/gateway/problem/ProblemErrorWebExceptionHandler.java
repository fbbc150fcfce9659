package com.aftersales.gateway.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import com.aftersales.gateway.correlation.CorrelationId;
import com.aftersales.gateway.routing.GatewayRoutingProperties;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

/**
 * Answers every failure that reaches the gateway's web layer with an RFC 9457 problem. Ordered
 * before Boot's default error handler, which would otherwise render its own JSON.
 * The exception is logged with its message; the body only ever contains fixed text.
 */
@Component
@Order(ProblemErrorWebExceptionHandler.ORDER)
class ProblemErrorWebExceptionHandler implements WebExceptionHandler {

    /** One ahead of Boot's DefaultErrorWebExceptionHandler (-1). */
    static final int ORDER = -2;

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);

    private final ProblemWriter problems;

    private final GatewayRoutingProperties properties;

    ProblemErrorWebExceptionHandler(ProblemWriter problems, GatewayRoutingProperties properties) {
        this.problems = problems;
        this.properties = properties;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            // Headers are gone; all that is left is to let the server abort the connection.
            return Mono.error(failure);
        }
        String correlationId = CorrelationId.of(exchange);
        String service = routedService(exchange);
        if (failure instanceof GatewayRejection rejection) {
            if (log.isDebugEnabled()) {
                try (MDC.MDCCloseable ignored = MDC.putCloseable(CorrelationId.MDC_KEY, correlationId)) {
                    log.debug("{} {} rejected as {}", exchange.getRequest().getMethod(),
                            exchange.getRequest().getPath().value(), rejection.slug());
                }
            }
            return problems.write(exchange, rejection.status(), rejection.slug(), rejection.detailText(),
                    rejection.answerHeaders());
        }
        GatewayProblem problem = classify(failure);
        logFailure(exchange, failure, problem, correlationId, service);

        HttpHeaders headers = new HttpHeaders();
        if (failure instanceof ResponseStatusException statusException) {
            // Framework-supplied headers such as Allow on 405 belong to the answer.
            headers.addAll(statusException.getHeaders());
        }
        if (problem.equals(GatewayProblem.SERVICE_UNAVAILABLE)) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(properties.retryAfter().toSeconds()));
        }
        return problems.write(exchange, problem.status(), problem.slug(), detail(problem, service, exchange), headers);
    }

    private static GatewayProblem classify(Throwable failure) {
        if (hasCause(failure, ConnectException.class) || hasCause(failure, UnknownHostException.class)) {
            return GatewayProblem.SERVICE_UNAVAILABLE;
        }
        if (hasCause(failure, TimeoutException.class)) {
            return GatewayProblem.GATEWAY_TIMEOUT;
        }
        if (failure instanceof ResponseStatusException statusException) {
            return fromStatus(statusException.getStatusCode());
        }
        if (hasCause(failure, IOException.class)) {
            // The backend accepted the connection but dropped it or sent garbage.
            return GatewayProblem.BAD_GATEWAY;
        }
        return GatewayProblem.INTERNAL_ERROR;
    }

    private static GatewayProblem fromStatus(HttpStatusCode statusCode) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        if (status == null) {
            return statusCode.is4xxClientError() ? GatewayProblem.of(HttpStatus.BAD_REQUEST)
                    : GatewayProblem.INTERNAL_ERROR;
        }
        return status.is5xxServerError() && !isProxyStatus(status) ? GatewayProblem.INTERNAL_ERROR
                : GatewayProblem.of(status);
    }

    private static boolean isProxyStatus(HttpStatus status) {
        return status == HttpStatus.BAD_GATEWAY || status == HttpStatus.SERVICE_UNAVAILABLE
                || status == HttpStatus.GATEWAY_TIMEOUT;
    }

    private String detail(GatewayProblem problem, String service, ServerWebExchange exchange) {
        String target = service == null ? "The backend service" : "The " + service;
        if (problem.equals(GatewayProblem.NOT_FOUND)) {
            return "No route or resource matches " + exchange.getRequest().getPath().value() + ".";
        }
        if (problem.equals(GatewayProblem.SERVICE_UNAVAILABLE)) {
            return target + " is not reachable. Retry after " + properties.retryAfter().toSeconds() + " seconds.";
        }
        if (problem.equals(GatewayProblem.GATEWAY_TIMEOUT)) {
            return target + " did not answer within " + properties.responseTimeout().toMillis() + " ms.";
        }
        if (problem.equals(GatewayProblem.BAD_GATEWAY)) {
            return target + " closed the connection or sent an invalid response.";
        }
        if (problem.status().is4xxClientError()) {
            return "The gateway cannot accept this request: " + problem.title() + ".";
        }
        return "The gateway failed to process the request.";
    }

    private static String routedService(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        return route == null ? null : route.getId();
    }

    private static void logFailure(ServerWebExchange exchange, Throwable failure, GatewayProblem problem,
            String correlationId, String service) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(CorrelationId.MDC_KEY, correlationId)) {
            if (problem.status().is5xxServerError()) {
                log.warn("{} {} failed as {} (route={}): {}", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath().value(), problem.type(), service, failure.toString());
            }
            else {
                log.debug("{} {} answered {}: {}", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath().value(), problem.type(), failure.toString());
            }
        }
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return true;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }

}
