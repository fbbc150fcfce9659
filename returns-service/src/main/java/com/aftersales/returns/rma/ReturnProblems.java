package com.aftersales.returns.rma;

import com.aftersales.platform.web.ProblemException;
import com.aftersales.platform.web.ProblemMapper;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** The problem types of return handling: a step out of order is a 409 that says where the return stands. */
@Component
class ReturnProblems implements ProblemMapper {

    static final URI ILLEGAL_TRANSITION = URI.create("urn:aftersales:problem:illegal-return-transition");

    @Override
    public Optional<ProblemException> toProblem(Throwable exception) {
        if (exception instanceof IllegalReturnTransitionException illegal) {
            return Optional.of(new ProblemException(ILLEGAL_TRANSITION, HttpStatus.CONFLICT, "Illegal return transition",
                    illegal.getMessage(), Map.of(
                    "currentStatus", illegal.current().name(),
                    "requestedStatus", illegal.requested().name(),
                    "allowedStatuses", illegal.allowed().stream().map(Enum::name).sorted().toList())));
        }
        return Optional.empty();
    }
}
