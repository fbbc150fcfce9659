package com.aftersales.dispatch.charge;

import com.aftersales.contracts.ticket.TicketOpened;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The parts a ticket's warranty covers (from TicketOpened), for pricing a visit's parts: the feature's interface to
 * the other features of the service; the SQL behind it ({@code WarrantyCoverRepository}) is package-private (checked
 * by the service's ArchitectureTest).
 */
public interface WarrantyCovers {

    /** Records the covers of a ticket once; a redelivered event changes nothing. */
    void record(UUID ticketId, List<TicketOpened.WarrantyCover> covers);

    /** Parts (not the whole unit) whose cover held on the day of the ticket's call. */
    Set<String> coveredParts(UUID ticketId);
}
