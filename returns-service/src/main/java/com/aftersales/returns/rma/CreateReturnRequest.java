package com.aftersales.returns.rma;

import com.aftersales.returns.policy.EvaluatePolicyRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * Body of {@code POST /api/returns}: the case, exactly as for the policy evaluation, plus who asks and why.
 *
 * @param customerId only needed when the unit is given by its facts instead of a registered serial number
 * @param model      likewise
 * @param ticketId   the ticket the customer called or came in about, when there is one: the ticket follows the return
 * @param requestDateReason why a supervisor sets {@code facts.requestDate} to another day than today at the store
 */
public record CreateReturnRequest(
        @NotNull @Valid @Schema(description = "The unit and the facts of the case, as for /api/returns/policy/evaluate")
        EvaluatePolicyRequest facts,
        @Size(max = 2000) String reason,
        @Size(max = 64) String salespersonCode,
        UUID customerId,
        @Size(max = 64) String model,
        @Schema(description = "The ticket this return comes from (optional); its timeline and status follow the return. "
                + "A store clerk links only his own store's tickets (another answers 404)")
        UUID ticketId,
        @Size(max = 500) @Schema(description = "Required when facts.requestDate is not today at the store, which only a "
                + "SUPERVISOR may set (rule request-date-set-by-supervisor); recorded and published with the return")
        String requestDateReason) {

    /** The same request deciding on another date. */
    CreateReturnRequest withRequestDate(java.time.LocalDate date) {
        return new CreateReturnRequest(facts.withRequestDate(date), reason, salespersonCode, customerId, model, ticketId,
                requestDateReason);
    }
}
