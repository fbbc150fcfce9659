package com.aftersales.ticket.ticket;

import com.aftersales.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

import java.net.URI;
import java.util.Map;
import java.util.TreeSet;

/** 409: the ticket cannot move to the requested state from where it is; names both. */
public class IllegalTransitionException extends ProblemException {

    public static final URI TYPE = URI.create("urn:aftersales:problem:illegal-ticket-transition");

    public IllegalTransitionException(TicketStatus current, TicketStatus requested) {
        super(TYPE, HttpStatus.CONFLICT, "Illegal ticket transition",
                "A ticket in " + current + " cannot move to " + requested,
                Map.of("currentStatus", current.name(), "requestedStatus", requested.name(),
                        "allowedStatuses", new TreeSet<>(current.allowedNext().stream().map(Enum::name).toList())));
    }
}
