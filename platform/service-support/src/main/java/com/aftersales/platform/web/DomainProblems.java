package com.aftersales.platform.web;

import com.aftersales.domain.error.IllegalTransitionException;
import com.aftersales.domain.error.InvalidFieldException;
import com.aftersales.domain.error.NotFoundException;
import org.springframework.http.HttpStatus;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shared domain failures ({@code com.aftersales.domain.error}) as problems, the same in every service: 404
 * {@code not-found}, 400 {@code validation-failed} naming the field, 409 {@code illegal-<record>-transition} with
 * {@code currentStatus}, {@code requestedStatus} and {@code allowedStatuses}. Services map only what is theirs.
 */
public class DomainProblems implements ProblemMapper {

    @Override
    public Optional<ProblemException> toProblem(Throwable exception) {
        if (exception instanceof NotFoundException notFound) {
            return Optional.of(ProblemException.notFound(notFound.resource(), notFound.id()));
        }
        if (exception instanceof InvalidFieldException invalid) {
            ProblemException problem = new ProblemException(ProblemType.VALIDATION_FAILED.uri(),
                    ProblemType.VALIDATION_FAILED.status(), ProblemType.VALIDATION_FAILED.title(), "1 field is invalid",
                    invalid.key() == null ? Map.of("errors", List.of(new FieldError(invalid.field(), invalid.getMessage())))
                            : Map.of())
                    .localized("detail.validation-failed", 1);
            return Optional.of(invalid.key() == null ? problem : problem.fieldError(invalid.field(), invalid.key(),
                    invalid.arguments()));
        }
        if (exception instanceof IllegalTransitionException illegal) {
            String record = illegal.record();
            return Optional.of(new ProblemException(URI.create(ProblemType.PREFIX + "illegal-" + record + "-transition"),
                    HttpStatus.CONFLICT, "Illegal " + record.replace('-', ' ') + " transition", illegal.getMessage(), Map.of(
                    "currentStatus", illegal.currentStatus(),
                    "requestedStatus", illegal.requestedStatus(),
                    "allowedStatuses", illegal.allowedStatuses()))
                    .localized("detail.illegal-" + record + "-transition",
                            new ProblemMessages.Term("status." + record + "." + illegal.currentStatus(), illegal.currentStatus()),
                            new ProblemMessages.Term("status." + record + "." + illegal.requestedStatus(), illegal.requestedStatus())));
        }
        return Optional.empty();
    }
}
