package com.aftersales.feedback.complaint;

import java.math.BigDecimal;

/**
 * What a handler records when moving a complaint on. Which fields are required depends on the target
 * status (see {@link Complaint#apply}).
 *
 * @param facts           INVESTIGATING: the facts collected
 * @param customerRequest PROPOSED: what the customer asked for
 * @param offer           PROPOSED: what is offered
 * @param compensation    PROPOSED: compensation amount (zero or absent when none)
 * @param resolution      RESOLVED: what was done
 * @param reason          ESCALATED: why
 * @param customerAccepted CLOSED: the customer accepted the outcome
 */
public record ComplaintStep(ComplaintStatus to, String by, String note, String facts, String customerRequest, String offer,
                            BigDecimal compensation, String currency, String resolution, String reason,
                            Boolean customerAccepted) {
}
