package com.aftersales.ticket.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * Body of {@code POST /api/tickets}. Text is stored exactly as given; limits keep one request from
 * filling the database.
 *
 * @param priority optional; NORMAL when absent
 */
public record OpenTicketRequest(
        @NotNull UUID customerId,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[\\p{Alnum}][\\p{Alnum}._/-]*", message = "must be letters, digits, '.', '_', '/' or '-'")
        String serialNumber,
        @NotBlank @Size(max = 64) String model,
        @NotNull TicketType ticketType,
        @NotNull Channel channel,
        Priority priority,
        @Size(max = 64) String faultCategory,
        @NotBlank @Size(max = 4000) String faultDescription) {

    Priority priorityOrDefault() {
        return priority == null ? Priority.NORMAL : priority;
    }
}
