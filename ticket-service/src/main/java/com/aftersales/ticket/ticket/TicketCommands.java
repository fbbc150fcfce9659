package com.aftersales.ticket.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the ticket commands. Reasons are free text, stored as given in the timeline. */
public final class TicketCommands {

    private TicketCommands() {
    }

    /** {@code POST /api/tickets/{id}/transitions}. */
    public record Transition(@NotNull TicketStatus status, @NotBlank @Size(max = 1000) String reason) {
    }

    /** {@code POST /api/tickets/{id}/charge-basis}. */
    public record ChargeBasis(@Size(max = 1000) String note) {
    }

    /** {@code POST /api/tickets/{id}/escalation}. */
    public record Escalate(@NotNull EscalationTarget target, @NotBlank @Size(max = 1000) String reason) {
    }

    /** {@code POST /api/tickets/{id}/knowledge-outcomes}. */
    public record KnowledgeOutcome(@NotNull java.util.UUID articleId, @NotNull Boolean solved, @Size(max = 1000) String note) {
    }

    /** {@code POST /api/tickets/{id}/escalation/end}. */
    public record EndEscalation(@NotBlank @Size(max = 1000) String reason) {
    }
}
