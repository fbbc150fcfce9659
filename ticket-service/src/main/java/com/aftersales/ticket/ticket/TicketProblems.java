package com.aftersales.ticket.ticket;

import com.aftersales.platform.web.ProblemException;
import com.aftersales.platform.web.ProblemMapper;
import com.aftersales.platform.web.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** The problem types of ticket rules: the domain throws plain exceptions, this maps them for HTTP. */
@Component
class TicketProblems implements ProblemMapper {

    static final URI RULE_VIOLATION = URI.create(ProblemType.PREFIX + "ticket-rule-violated");

    @Override
    public Optional<ProblemException> toProblem(Throwable exception) {
        if (exception instanceof TicketRuleViolation violation) {
            return Optional.of(new ProblemException(RULE_VIOLATION, HttpStatus.CONFLICT, "A ticket rule refuses this",
                    violation.getMessage(), Map.of("rule", violation.rule())));
        }
        if (exception instanceof ProductOwnershipException owned) {
            return Optional.of(new ProblemException(ProblemType.CONFLICT, owned.getMessage()));
        }
        return Optional.empty();
    }
}
