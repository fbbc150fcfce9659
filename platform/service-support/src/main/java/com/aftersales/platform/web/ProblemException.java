package com.aftersales.platform.web;

import org.springframework.http.HttpStatusCode;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    private String detailKey;
    private Object[] detailArguments = new Object[0];
    private final List<LocalizedFieldError> fieldErrors = new ArrayList<>();

    /**
     * A field error written in the client's language from the bundles: {@code key} in {@code problems[_zh].properties}
     * (the service's) or {@code aftersales-problems[_zh].properties}, with {@link java.text.MessageFormat} arguments.
     */
    public record LocalizedFieldError(String field, String key, Object[] arguments) {
    }

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

    /**
     * 404 naming what was looked for. The detail follows the client's language: {@code detail.not-found} with the
     * resource's name from {@code resource.<what, spaces as '-'>} when the bundles have it.
     */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND.uri(), ProblemType.NOT_FOUND.status(),
                ProblemType.NOT_FOUND.title(), "No " + what + " with id " + id, Map.of("resource", what))
                .localized("detail.not-found", new ProblemMessages.Term("resource." + what.replace(' ', '-'), what), id);
    }

    /**
     * The detail in the client's language: {@code key} from the bundles with its arguments (a
     * {@link ProblemMessages.Term} argument is itself looked up); the exception's message stays the English detail
     * for logs and for a bundle that lacks the key.
     */
    public ProblemException localized(String key, Object... arguments) {
        this.detailKey = key;
        this.detailArguments = arguments == null ? new Object[0] : arguments.clone();
        return this;
    }

    /** Adds a field error written from the bundles in the client's language (rendered as {@code errors}). */
    public ProblemException fieldError(String field, String key, Object... arguments) {
        fieldErrors.add(new LocalizedFieldError(field, key, arguments == null ? new Object[0] : arguments.clone()));
        return this;
    }

    public String detailKey() {
        return detailKey;
    }

    public Object[] detailArguments() {
        return detailArguments.clone();
    }

    public List<LocalizedFieldError> fieldErrors() {
        return List.copyOf(fieldErrors);
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
