package com.aftersales.ticket.shared;

import com.aftersales.platform.web.FieldError;
import com.aftersales.platform.web.ProblemException;
import com.aftersales.platform.web.ProblemMapper;
import com.aftersales.platform.web.ProblemType;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps {@link InvalidFieldException} to the same 400 problem bean validation produces. */
@Component
class SharedProblems implements ProblemMapper {

    @Override
    public Optional<ProblemException> toProblem(Throwable exception) {
        if (exception instanceof InvalidFieldException invalid) {
            return Optional.of(new ProblemException(ProblemType.VALIDATION_FAILED.uri(), ProblemType.VALIDATION_FAILED.status(),
                    ProblemType.VALIDATION_FAILED.title(), "1 field is invalid",
                    Map.of("errors", List.of(new FieldError(invalid.field(), invalid.getMessage())))));
        }
        return Optional.empty();
    }
}
