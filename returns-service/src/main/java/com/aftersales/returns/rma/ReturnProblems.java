package com.aftersales.returns.rma;

import com.aftersales.platform.web.ProblemException;
import com.aftersales.platform.web.FieldError;
import com.aftersales.platform.web.ProblemMapper;
import com.aftersales.platform.web.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The problem types of return handling: a step out of order is a 409 that says where the return stands; a request
 * date the caller may not set is a 403 (role) or a 400 field error (future date, missing reason) naming the rule.
 */
@Component
class ReturnProblems implements ProblemMapper {

    static final URI RULE_VIOLATED = URI.create("urn:aftersales:problem:return-rule-violated");

    @Override
    public Optional<ProblemException> toProblem(Throwable exception) {
        if (exception instanceof ReturnRuleViolation violation) {
            return Optional.of(new ProblemException(RULE_VIOLATED, HttpStatus.CONFLICT, "A return rule refuses this",
                    violation.getMessage(), Map.of("rule", violation.rule().name()))
                    .localized("detail.rule-violated." + violation.rule().name(), violation.arguments()));
        }
        if (exception instanceof RequestDateRule.Refused refused) {
            if (refused.forbidden()) {
                return Optional.of(new ProblemException(ProblemType.FORBIDDEN.uri(), ProblemType.FORBIDDEN.status(),
                        ProblemType.FORBIDDEN.title(), refused.getMessage(), Map.of("rule", refused.rule())));
            }
            return Optional.of(new ProblemException(ProblemType.VALIDATION_FAILED.uri(), ProblemType.VALIDATION_FAILED.status(),
                    ProblemType.VALIDATION_FAILED.title(), "1 field is invalid", Map.of("rule", refused.rule(),
                    "errors", List.of(new FieldError(refused.field(), refused.getMessage())))));
        }
        return Optional.empty();
    }
}
