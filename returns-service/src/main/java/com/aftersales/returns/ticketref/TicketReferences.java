package com.aftersales.returns.ticketref;

import java.util.Optional;
import java.util.UUID;

/**
 * The tickets this service has heard of, with the store of their unit: the scope check of a link to a ticket: the
 * feature's interface to the other features of the service; the SQL behind it ({@code TicketReferenceRepository}) is
 * package-private (checked by the service's ArchitectureTest).
 */
public interface TicketReferences {

    /** The store a ticket's unit was sold through; empty for an unknown ticket or one whose store is not known. */
    Optional<String> storeOf(UUID ticketId);
}
