package com.aftersales.dispatch.job;

import java.util.Set;

/**
 * Rule "visit-needed-by-ticket-type": a ticket needs a field visit when its type is one of the
 * configured visit types. The decision names the rule so that a queued job explains itself.
 */
public final class VisitRequirement {

    public static final String RULE = "visit-needed-by-ticket-type";

    private final Set<String> visitTicketTypes;

    public VisitRequirement(Set<String> visitTicketTypes) {
        this.visitTicketTypes = Set.copyOf(visitTicketTypes);
    }

    public Decision decide(String ticketType) {
        boolean needed = visitTicketTypes.contains(ticketType);
        return new Decision(needed, RULE + ": ticket type " + ticketType
                + (needed ? " is " : " is not ") + "one of " + visitTicketTypes.stream().sorted().toList());
    }

    public record Decision(boolean visitNeeded, String explanation) {
    }
}
