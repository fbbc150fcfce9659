package com.aftersales.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

import java.net.URI;

/**
 * The servlet container's error page ({@code /error}) as a problem: errors raised before MVC (a filter, the
 * container refusing a request) get the platform's problem+json with the status the container chose, and a client
 * calling {@code /error} itself gets a plain 404, never Boot's 500 "whitelabel" answer.
 */
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    private final ProblemDetailsAdvice advice;

    public ProblemErrorController(ProblemDetailsAdvice advice) {
        this.advice = advice;
    }

    @RequestMapping
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (thrown instanceof Exception exception && ProblemDetailsAdvice.storageUnavailable(exception)) {
            // Raised in a filter, outside MVC's advice: the same 503 as inside it.
            return advice.handleStorageUnavailable(exception, new ServletWebRequest(request));
        }
        HttpStatusCode status = code instanceof Integer value && value >= 400 ? HttpStatusCode.valueOf(value)
                : HttpStatus.NOT_FOUND;
        ProblemType type = ProblemType.forStatus(status.value());
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        problem.setInstance(URI.create(uri instanceof String path && isUri(path) ? path : request.getRequestURI()));
        Exception cause = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Exception e ? e
                : new IllegalStateException("error page for status " + status.value());
        return advice.handleExceptionInternal(cause, problem, new HttpHeaders(), status, new ServletWebRequest(request));
    }

    private static boolean isUri(String path) {
        try {
            URI.create(path);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
