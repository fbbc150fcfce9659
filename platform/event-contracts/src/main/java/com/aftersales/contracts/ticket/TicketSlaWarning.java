package com.aftersales.contracts.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * An SLA clock of a ticket passed its warning point (80 % of the target by default) without reaching its
 * milestone. Published once per clock. Keyed by {@code ticketId}.
 *
 * @param clock         FIRST_RESPONSE, ON_SITE, ON_SITE_TARGET or RESOLUTION; consumers must tolerate new values
 * @param targetSeconds the clock's target in business seconds
 * @param rule          the rule that set the target: default, type:&lt;type&gt;, priority:&lt;priority&gt; or tier:&lt;tier&gt;
 * @param dueAt         when the clock breaches if nothing happens
 */
public record TicketSlaWarning(UUID ticketId, String clock, long targetSeconds, String rule, Instant dueAt,
                               Instant warnedAt) {
}
