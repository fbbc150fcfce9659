package com.aftersales.ticket.ticket;

import java.util.Optional;
import java.util.Set;

/**
 * Rule {@value #RULE}: a customer who calls again about a unit that already has an open ticket (not resolved or
 * closed) is linked to that ticket instead of silently getting a duplicate: intake answers with the open ticket and
 * records the call on its timeline. It applies to new calls of the configured types and open tickets of those types;
 * the caller's explicit "new issue" flag always opens a new ticket.
 *
 * @param enabled whether the rule applies at all
 * @param types   ticket types it links (e.g. REPAIR, INSTALLATION)
 */
public record RepeatCallRule(boolean enabled, Set<TicketType> types) {

    public static final String RULE = "repeat-call-links-open-ticket";

    public RepeatCallRule {
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    /** Whether to look for an open ticket for a call of this type. */
    public boolean applies(TicketType callType, boolean newIssue) {
        return enabled && !newIssue && types.contains(callType);
    }

    /** The open ticket the call links to, if the newest open ticket on the unit qualifies. */
    public Optional<Ticket> linkTo(TicketType callType, boolean newIssue, Optional<Ticket> newestOpenOnUnit) {
        if (!applies(callType, newIssue)) {
            return Optional.empty();
        }
        return newestOpenOnUnit.filter(t -> !t.status().isTerminalForWork() && types.contains(t.type()));
    }
}
