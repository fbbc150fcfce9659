package com.aftersales.gateway.security;

import com.aftersales.gateway.problem.ProblemWriter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 and 403 as the contract's problems ({@code urn:aftersales:problem:unauthenticated} and
 * {@code ...:forbidden}) with the correlation id. The detail never echoes why a token failed (expired, wrong
 * issuer, bad signature): that is for the gateway's log, not for whoever holds the token.
 */
@Component
class ProblemAuthenticationAnswers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    static final String UNAUTHENTICATED = "unauthenticated";

    static final String FORBIDDEN = "forbidden";

    private final ProblemWriter problems;

    ProblemAuthenticationAnswers(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        HttpHeaders headers = new HttpHeaders();
        boolean invalidToken = failure instanceof InvalidBearerTokenException;
        // RFC 6750: say that a bearer token is expected and, when one was sent, that it was not accepted.
        headers.set(HttpHeaders.WWW_AUTHENTICATE,
                invalidToken ? "Bearer realm=\"aftersales\", error=\"invalid_token\"" : "Bearer realm=\"aftersales\"");
        String detail = invalidToken ? "The bearer token is invalid or has expired."
                : "This request needs a bearer token (Authorization: Bearer <token>).";
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, UNAUTHENTICATED, detail, headers);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"aftersales\", error=\"insufficient_scope\"");
        return problems.write(exchange, HttpStatus.FORBIDDEN, FORBIDDEN,
                "The roles of this token do not allow " + exchange.getRequest().getMethod() + " "
                        + exchange.getRequest().getPath().value() + ".",
                headers);
    }

}
