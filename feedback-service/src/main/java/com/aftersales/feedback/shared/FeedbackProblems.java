package com.aftersales.feedback.shared;

import com.aftersales.platform.web.FieldError;
import com.aftersales.platform.web.ProblemException;
import com.aftersales.platform.web.ProblemMapper;
import com.aftersales.platform.web.ProblemType;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps the feature's plain exceptions to problems, keeping HTTP out of the domain. */
@Component
class FeedbackProblems implements ProblemMapper {

    @Override
    public Optional<ProblemException> toProblem(Throwable exception) {
        if (exception instanceof InvalidFieldException invalid) {
            return Optional.of(new ProblemException(ProblemType.VALIDATION_FAILED.uri(), ProblemType.VALIDATION_FAILED.status(),
                    ProblemType.VALIDATION_FAILED.title(), "1 field is invalid",
                    Map.of("errors", List.of(new FieldError(invalid.field(), invalid.getMessage())))));
        }
        if (exception instanceof NotFoundException notFound) {
            return Optional.of(new ProblemException(ProblemType.NOT_FOUND.uri(), ProblemType.NOT_FOUND.status(),
                    ProblemType.NOT_FOUND.title(), notFound.getMessage(), Map.of("resource", notFound.resource())));
        }
        if (exception instanceof StateConflictException conflict) {
            return Optional.of(new ProblemException(URI.create(ProblemType.PREFIX + conflict.type()),
                    HttpStatusCode.valueOf(conflict.status()), conflict.title(), conflict.getMessage(), conflict.details()));
        }
        return Optional.empty();
    }
}
