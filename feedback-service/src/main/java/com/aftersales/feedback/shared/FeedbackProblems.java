package com.aftersales.feedback.shared;

import com.aftersales.platform.web.ProblemException;
import com.aftersales.platform.web.ProblemMapper;
import com.aftersales.platform.web.ProblemType;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Maps the feature's plain exceptions to problems, keeping HTTP out of the domain. */
@Component
class FeedbackProblems implements ProblemMapper {

    @Override
    public Optional<ProblemException> toProblem(Throwable exception) {
        if (exception instanceof StateConflictException conflict) {
            ProblemException problem = new ProblemException(URI.create(ProblemType.PREFIX + conflict.type()),
                    HttpStatusCode.valueOf(conflict.status()), conflict.title(), conflict.getMessage(), conflict.details());
            return Optional.of(conflict.key() == null ? problem : problem.localized(conflict.key(), conflict.arguments()));
        }
        return Optional.empty();
    }
}
