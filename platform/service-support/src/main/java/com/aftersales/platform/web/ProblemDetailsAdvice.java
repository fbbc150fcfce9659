package com.aftersales.platform.web;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import com.aftersales.platform.web.input.StorableInput;
import com.aftersales.platform.web.input.StorableInputProperties;
import com.aftersales.platform.web.input.UnstorableParameterException;
import com.aftersales.platform.web.input.UnstorableValueException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.UnsatisfiedServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.beans.TypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.net.URI;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders every error as RFC 9457 {@code application/problem+json}: a stable {@code type}, a
 * {@code correlationId}, field errors for invalid input, and never exception text or a stack trace.
 * A client's mistake is always a 4xx; a 500 only means a bug, logged with the correlation id.
 * Titles, the platform's own details and field messages follow {@code Accept-Language} (Chinese or English,
 * {@link ProblemMessages}); bean validation messages come from Hibernate Validator's bundles in the same language.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    static final String RETRY_AFTER_SECONDS = "5";

    private final List<ProblemMapper> mappers;
    private final StorableInput storable;
    private final ProblemMessages messages = new ProblemMessages();

    public ProblemDetailsAdvice(List<ProblemMapper> mappers) {
        this(mappers, new StorableInputProperties(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)).rule());
    }

    public ProblemDetailsAdvice(List<ProblemMapper> mappers, StorableInput storable) {
        this.mappers = List.copyOf(mappers);
        this.storable = storable;
    }

    /** The language of the answer: from the request's Accept-Language, English when it names neither. */
    static Locale locale(WebRequest request) {
        return ProblemMessages.resolve(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> handleProblem(ProblemException ex, WebRequest request) {
        Locale locale = locale(request);
        String detail = ex.detailKey() == null ? ex.getMessage()
                : messages.find(ex.detailKey(), locale, ex.detailArguments()).orElse(ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), detail);
        problem.setType(ex.type());
        problem.setTitle(ex.title());
        ex.properties().forEach(problem::setProperty);
        if (!ex.fieldErrors().isEmpty()) {
            problem.setProperty("errors", ex.fieldErrors().stream()
                    .map(e -> new FieldError(e.field(), messages.find(e.key(), locale, e.arguments()).orElse(e.key())))
                    .toList());
        }
        return handleExceptionInternal(ex, problem, new HttpHeaders(), ex.status(), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> handleUnauthenticated(AuthenticationException ex, WebRequest request) {
        // Never echo why a token was refused beyond "missing or invalid": that helps attackers more than clients.
        ProblemDetail problem = problem(ProblemType.UNAUTHENTICATED,
                messages.text("detail.unauthenticated", locale(request)));
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.UNAUTHORIZED, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> handleForbidden(AccessDeniedException ex, WebRequest request) {
        ProblemDetail problem = problem(ProblemType.FORBIDDEN, messages.text("detail.forbidden", locale(request)));
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<FieldError> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return validationProblem(ex, errors, request);
    }

    @ExceptionHandler(RequestSizeLimitFilter.TooLargeException.class)
    ResponseEntity<Object> handleTooLarge(RequestSizeLimitFilter.TooLargeException ex, WebRequest request) {
        ProblemDetail problem = problem(ProblemType.PAYLOAD_TOO_LARGE, messages.text("detail.payload-too-large", locale(request)));
        HttpHeaders headers = new HttpHeaders();
        headers.setConnection("close");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }

    @ExceptionHandler(UnstorableParameterException.class)
    ResponseEntity<Object> handleUnstorableParameter(UnstorableParameterException ex, WebRequest request) {
        return validationProblem(ex, List.of(new FieldError(ex.parameter(), unstorable(ex.violation(), locale(request)))),
                request);
    }

    /**
     * The last line behind {@link StorableInput}: PostgreSQL refused a value of the request as data (SQLSTATE class 22:
     * too long for its column, numeric overflow, an invalid text representation). That is the client's input, so a
     * 400 without the database's text; the transaction was rolled back, nothing was written.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> handleDataIntegrity(DataIntegrityViolationException ex, WebRequest request) {
        var mapped = mapped(ex);
        if (mapped.isPresent()) {
            return handleProblem(mapped.get(), request);
        }
        if (!sqlStateClass(ex, "22")) {
            return handleUnexpected(ex, request);
        }
        log.info("Input refused by the database: SQLSTATE {}", sqlState(ex));
        ProblemDetail problem = problem(ProblemType.BAD_REQUEST, messages.text("detail.unstorable-value", locale(request)));
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> handleConcurrentModification(OptimisticLockingFailureException ex, WebRequest request) {
        ProblemDetail problem = problem(ProblemType.CONCURRENT_MODIFICATION,
                messages.text("detail.concurrent-modification", locale(request)));
        return handleExceptionInternal(ex, problem, new HttpHeaders(), problem.getStatus() == 0
                ? HttpStatus.CONFLICT : HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class, TransientDataAccessResourceException.class, QueryTimeoutException.class})
    ResponseEntity<Object> handleStorageUnavailable(Exception ex, WebRequest request) {
        log.warn("Storage unavailable: {}", ex.toString());
        ProblemDetail problem = problem(ProblemType.SERVICE_UNAVAILABLE,
                messages.text("detail.service-unavailable", locale(request)));
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        var mapped = mapped(ex);
        if (mapped.isPresent()) {
            return handleProblem(mapped.get(), request);
        }
        if (storageUnavailable(ex)) {
            return handleStorageUnavailable(ex, request);
        }
        log.error("Unexpected error", ex);
        ProblemDetail problem = problem(ProblemType.INTERNAL_ERROR, messages.text("detail.internal-error", locale(request)));
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return validationProblem(ex, fieldErrors(ex.getBindingResult()), request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldError(
                        parameterName(result.getMethodParameter().getParameterName(), error),
                        error.getDefaultMessage())))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return validationProblem(ex, errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        // The outermost Jackson exception: it carries the path. The most specific cause may lie below it (a
        // DateTimeParseException for 2026-02-30) and know nothing of the field.
        Throwable cause = ex.getMostSpecificCause();
        for (Throwable c = ex.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JacksonException) {
                cause = c;
                break;
            }
        }
        for (Throwable c = ex; c != null; c = c.getCause()) {
            if (c instanceof RequestSizeLimitFilter.TooLargeException tooLarge) {
                return handleTooLarge(tooLarge, request);
            }
        }
        if (cause instanceof UnstorableValueException unstorable) {
            String field = (path(unstorable) + unstorable.innerPath()).replaceFirst("^\\.", "");
            return validationProblem(ex, List.of(new FieldError(field.isEmpty() ? "body" : field,
                    unstorable(unstorable.violation(), locale(request)))), request);
        }
        if (cause instanceof MismatchedInputException mismatch && !(cause instanceof StreamReadException)) {
            String field = path(mismatch);
            String message = mismatch instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                    && invalid.getTargetType().isEnum()
                    ? messages.text("field.one-of", locale(request), Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", ", "[", "]")))
                    : messages.text("field.wrong-format", locale(request));
            if (!field.isEmpty()) {
                return validationProblem(ex, List.of(new FieldError(field, message)), request);
            }
        }
        ProblemDetail problem = problem(ProblemType.MALFORMED_REQUEST, messages.text("detail.malformed-request", locale(request)));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String message = describe(ex.getRequiredType(), locale(request));
        return validationProblem(ex, List.of(new FieldError(name == null ? "parameter" : name, message)), request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ProblemDetail.forStatus(statusCode);
        if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
            ProblemType type = ProblemType.forStatus(statusCode.value());
            problem.setType(type.uri());
            if (problem.getTitle() == null || problem.getTitle().equals(HttpStatus.valueOf(statusCode.value()).getReasonPhrase())) {
                problem.setTitle(type.title());
            }
        }
        Locale locale = locale(request);
        if (statusCode.is5xxServerError() && !ProblemType.SERVICE_UNAVAILABLE.uri().equals(problem.getType())) {
            // Never leak exception text in a server error.
            problem.setDetail(messages.text("detail.internal-error", locale));
        }
        // Services' own titles too: every known type gets its title in the client's language; the type stays.
        messages.title(problem.getType(), locale).ifPresent(problem::setTitle);
        if (request instanceof ServletWebRequest servlet && problem.getInstance() == null) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        CorrelationId.current().ifPresent(id -> problem.setProperty("correlationId", id));
        HttpHeaders responseHeaders = new HttpHeaders();
        responseHeaders.putAll(headers);
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        responseHeaders.setContentLanguage(locale);
        responseHeaders.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        return new ResponseEntity<>(problem, responseHeaders, statusCode);
    }

    private ResponseEntity<Object> validationProblem(Exception ex, List<FieldError> errors, WebRequest request) {
        ProblemDetail problem = problem(ProblemType.VALIDATION_FAILED,
                messages.text("detail.validation-failed", locale(request), errors.size()));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        if (ex instanceof UnsatisfiedServletRequestParameterException unsatisfied) {
            // Which combinations of query parameters the endpoint accepts, never the values sent.
            String accepted = unsatisfied.getParamConditionGroups().stream()
                    .map(group -> String.join(", ", group))
                    .collect(Collectors.joining("] | [", "[", "]"));
            ProblemDetail problem = problem(ProblemType.BAD_REQUEST,
                    messages.text("detail.parameter-conditions", locale(request), accepted));
            return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }

    private java.util.Optional<ProblemException> mapped(Exception ex) {
        for (ProblemMapper mapper : mappers) {
            var mapped = mapper.toProblem(ex);
            if (mapped.isPresent()) {
                return mapped;
            }
        }
        return java.util.Optional.empty();
    }

    private String unstorable(StorableInput.Violation violation, Locale locale) {
        return messages.text(violation.messageKey(), locale, storable.earliest().toString(), storable.latest().toString());
    }

    /**
     * The database went away under a request in ways the handler above does not name: a commit or rollback on a
     * connection the server closed ({@code TransactionSystemException}), a statement that failed with a connection
     * SQLSTATE (class 08, 53 insufficient resources, 57 operator intervention such as a shutdown, 58 system error),
     * whatever exception wraps it.
     */
    static boolean storageUnavailable(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransactionSystemException || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException
                    || cause instanceof java.sql.SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && List.of("08", "53", "57", "58").contains(sql.getSQLState().substring(0, Math.min(2, sql.getSQLState().length())))) {
                return true;
            }
        }
        return false;
    }

    private static boolean sqlStateClass(Throwable ex, String stateClass) {
        String state = sqlState(ex);
        return state != null && state.startsWith(stateClass);
    }

    private static String sqlState(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static ProblemDetail problem(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }

    private static List<FieldError> fieldErrors(BindingResult result) {
        return result.getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .collect(Collectors.toList());
    }

    private static String parameterName(String parameter, org.springframework.context.MessageSourceResolvable error) {
        if (error instanceof org.springframework.validation.FieldError fieldError) {
            return fieldError.getField();
        }
        if (error instanceof MissingRequestHeaderException missing) {
            return missing.getHeaderName();
        }
        return parameter == null ? "parameter" : parameter;
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private String describe(@Nullable Class<?> type, Locale locale) {
        if (type == null) {
            return messages.text("field.valid-value", locale);
        }
        if (type.isEnum()) {
            return messages.text("field.one-of", locale, Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ", "[", "]")));
        }
        return messages.text("field.valid-type", locale, type.getSimpleName());
    }
}
