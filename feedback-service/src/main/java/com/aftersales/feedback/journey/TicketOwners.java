package com.aftersales.feedback.journey;

import java.util.UUID;

/**
 * Which customer and store a ticket belongs to, for the scope check of a complaint: the feature's interface to the
 * other features of the service; the SQL behind it ({@code TicketOwnerRepository}) is package-private (checked by
 * the service's ArchitectureTest).
 */
public interface TicketOwners {

    /** Whether the ticket is known here as a ticket of {@code customerId} whose unit was sold through {@code store}. */
    boolean ofStore(UUID ticketId, UUID customerId, String store);
}
