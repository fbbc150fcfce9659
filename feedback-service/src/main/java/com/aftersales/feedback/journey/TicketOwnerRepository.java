package com.aftersales.feedback.journey;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.UUID;

/** Whose a ticket is, as far as this service knows from ticket events: its customer and the store of its unit. */
@Repository
class TicketOwnerRepository implements TicketOwners {

    private final JdbcClient jdbc;

    TicketOwnerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the ticket is known here as a ticket of {@code customerId} whose unit was sold through {@code store}. */
    @Override
    public boolean ofStore(UUID ticketId, UUID customerId, String store) {
        return jdbc.sql("""
                        select exists (select 1 from ticket_journey where ticket_id = :ticket and store_code = :store
                                       and customer_id = :customer)""")
                .param("ticket", ticketId).param("store", store).param("customer", customerId)
                .query(Boolean.class).single();
    }
}
