package com.aftersales.feedback.complaint;

import com.aftersales.platform.web.ProblemException;
import com.aftersales.platform.web.ProblemMessages;
import com.aftersales.platform.web.ProblemMapper;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

@Component
class ComplaintProblems implements ProblemMapper {

    static final URI ILLEGAL_TRANSITION = URI.create("urn:aftersales:problem:illegal-complaint-transition");

    @Override
    public Optional<ProblemException> toProblem(Throwable exception) {
        if (exception instanceof IllegalComplaintTransitionException illegal) {
            return Optional.of(new ProblemException(ILLEGAL_TRANSITION, HttpStatus.CONFLICT, "Illegal complaint transition",
                    illegal.getMessage(), Map.of(
                    "currentStatus", illegal.current().name(),
                    "requestedStatus", illegal.requested().name(),
                    "allowedStatuses", illegal.allowed().stream().map(Enum::name).sorted().toList()))
                    .localized("detail.illegal-complaint-transition",
                            new ProblemMessages.Term("status.complaint." + illegal.current(), illegal.current().name()),
                            new ProblemMessages.Term("status.complaint." + illegal.requested(), illegal.requested().name())));
        }
        return Optional.empty();
    }
}
