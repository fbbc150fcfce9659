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

    /** {@code PATCH /api/tickets/{id}}: corrections of what was recorded at intake; absent fields stay. */
    public record Amend(Priority priority, @Size(max = 64) String faultCategory, @Size(max = 64) String faultCode,
                        @Size(min = 1, max = 4000) @jakarta.validation.constraints.Pattern(regexp = "(?s).*\\S.*",
                                message = "{aftersales.not-blank}") String faultDescription) {
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
