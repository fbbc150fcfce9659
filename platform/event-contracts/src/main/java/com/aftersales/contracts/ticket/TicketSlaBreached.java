package com.aftersales.contracts.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * An SLA clock of a ticket passed its due time without reaching its milestone. Published once per
 * clock. Keyed by {@code ticketId}.
 *
 * @param clock         FIRST_RESPONSE, ON_SITE, ON_SITE_TARGET or RESOLUTION; consumers must tolerate new values
 * @param targetSeconds the clock's target in business seconds
 * @param rule          the rule that set the target
 */
public record TicketSlaBreached(UUID ticketId, String clock, long targetSeconds, String rule, Instant dueAt,
                                Instant breachedAt) {
}
