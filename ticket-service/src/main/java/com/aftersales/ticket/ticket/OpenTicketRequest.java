package com.aftersales.ticket.ticket;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * Body of {@code POST /api/tickets}. The customer and the unit (model + serial) must be registered.
 * Text is stored exactly as given; limits keep one request from filling the database.
 *
 * @param priority                optional; NORMAL when absent
 * @param chargeBasisCommunicated the agent told the customer the charge basis during this call
 * @param newIssue                the caller reports a new problem: open a ticket even when one is open on the unit
 *                                (rule {@code repeat-call-links-open-ticket} does not apply)
 */
public record OpenTicketRequest(
        @NotNull UUID customerId,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[\\p{Alnum}][\\p{Alnum}._/-]*", message = "{aftersales.code.model}")
        String serialNumber,
        @NotBlank @Size(max = 64) String model,
        @NotNull TicketType ticketType,
        @NotNull Channel channel,
        Priority priority,
        @Size(max = 64) String faultCategory,
        @Size(max = 64) String faultCode,
        @NotBlank @Size(max = 4000) String faultDescription,
        @Size(max = 10) List<@NotNull @Valid AttachmentRequest> attachments,
        Boolean chargeBasisCommunicated,
        Boolean newIssue) {

    Priority priorityOrDefault() {
        return priority == null ? Priority.NORMAL : priority;
    }

    /** A reference to a file in object storage. */
    public record AttachmentRequest(
            @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "{aftersales.url.http}") String url,
            @NotBlank @Size(max = 200) @Pattern(regexp = "[a-z0-9-]+:[0-9a-fA-F]+", message = "{aftersales.digest.sha256}") String checksum,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[\\w.+-]+/[\\w.+-]+", message = "{aftersales.media-type}") String contentType) {
        Attachment toAttachment() {
            return new Attachment(url, checksum, contentType);
        }
    }
}
