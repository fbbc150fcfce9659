package com.aftersales.dispatch.shared;

import com.aftersales.platform.web.FieldError;
import com.aftersales.platform.web.ProblemException;
import com.aftersales.platform.web.ProblemMapper;
import com.aftersales.platform.web.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps the dispatch domain's plain exceptions to problems, keeping the domain free of HTTP. */
@Component
class DispatchProblems implements ProblemMapper {

    static final URI RULE_VIOLATED = URI.create(ProblemType.PREFIX + "dispatch-rule-violated");
    static final URI FORBIDDEN = URI.create(ProblemType.PREFIX + "forbidden");

    @Override
    public Optional<ProblemException> toProblem(Throwable exception) {
        if (exception instanceof InvalidRequestException invalid) {
            return Optional.of(new ProblemException(ProblemType.VALIDATION_FAILED.uri(), HttpStatus.BAD_REQUEST,
                    ProblemType.VALIDATION_FAILED.title(), invalid.getMessage(),
                    Map.of("errors", List.of(new FieldError(invalid.field(), invalid.getMessage())))));
        }
        if (exception instanceof RuleViolationException rule) {
            return Optional.of(new ProblemException(RULE_VIOLATED, HttpStatus.CONFLICT, "A dispatch rule forbids this",
                    rule.getMessage(), Map.of("rule", rule.rule())));
        }
        if (exception instanceof ForbiddenActorException forbidden) {
            return Optional.of(new ProblemException(FORBIDDEN, HttpStatus.FORBIDDEN, "Not yours to act on",
                    forbidden.getMessage(), Map.of()));
        }
        return Optional.empty();
    }
}
