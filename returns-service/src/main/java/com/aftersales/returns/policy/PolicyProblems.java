package com.aftersales.returns.policy;

import com.aftersales.platform.web.FieldError;
import com.aftersales.platform.web.ProblemException;
import com.aftersales.platform.web.ProblemMapper;
import com.aftersales.platform.web.ProblemType;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps the policy's plain exceptions to problems: contradictory facts are a 400, an unknown serial a 404. */
@Component
class PolicyProblems implements ProblemMapper {

    @Override
    public Optional<ProblemException> toProblem(Throwable exception) {
        if (exception instanceof InvalidReturnCaseException invalid) {
            return Optional.of(new ProblemException(ProblemType.VALIDATION_FAILED.uri(), ProblemType.VALIDATION_FAILED.status(),
                    ProblemType.VALIDATION_FAILED.title(), "1 field is invalid",
                    Map.of("errors", List.of(new FieldError(invalid.field(), invalid.getMessage())))));
        }
        if (exception instanceof UnknownProductException unknown) {
            return Optional.of(new ProblemException(ProblemType.NOT_FOUND.uri(), ProblemType.NOT_FOUND.status(),
                    ProblemType.NOT_FOUND.title(), unknown.getMessage(),
                    Map.of("resource", "product", "serialNumber", unknown.serialNumber())));
        }
        return Optional.empty();
    }
}
