package com.aftersales.ticket.call;

import com.aftersales.platform.web.ProblemException;
import com.aftersales.platform.web.ProblemMapper;
import com.aftersales.platform.web.ProblemType;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/** A call record's rule broken is a 400 naming the field, in the reader's language. */
@Component
class CallProblems implements ProblemMapper {

    @Override
    public Optional<ProblemException> toProblem(Throwable exception) {
        if (exception instanceof CallRecord.Invalid invalid) {
            return Optional.of(new ProblemException(ProblemType.VALIDATION_FAILED.uri(), ProblemType.VALIDATION_FAILED.status(),
                    ProblemType.VALIDATION_FAILED.title(), "1 field is invalid: " + invalid.getMessage(), Map.of())
                    .localized("detail.validation-failed", 1)
                    .fieldError(invalid.field(), invalid.key()));
        }
        return Optional.empty();
    }
}
