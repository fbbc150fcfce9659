package com.aftersales.platform.web;

import org.springframework.http.HttpStatusCode;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client-visible failure with a stable problem type. Domain code throws the named factories
 * ({@link #notFound}, {@link #conflict}) or subclasses with their own type URI; the advice renders
 * it as {@code application/problem+json}.
 */
public class ProblemException extends RuntimeException {

    private final URI type;
    private final HttpStatusCode status;
    private final String title;
    private final Map<String, Object> properties;

    public ProblemException(URI type, HttpStatusCode status, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.type = type;
        this.status = status;
        this.title = title;
        this.properties = new LinkedHashMap<>(properties);
    }

    public ProblemException(ProblemType type, String detail) {
        this(type.uri(), type.status(), type.title(), detail, Map.of());
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND.uri(), ProblemType.NOT_FOUND.status(),
                ProblemType.NOT_FOUND.title(), "No " + what + " with id " + id, Map.of("resource", what));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public URI type() {
        return type;
    }

    public HttpStatusCode status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
