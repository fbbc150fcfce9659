package com.aftersales.dispatch.charge;

import com.aftersales.contracts.ticket.TicketOpened;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The warranty cover ticket-service decided for a ticket's unit at intake (shared terms, same day as the
 * entitlement), kept so that charges can leave a covered part free though the unit is out of warranty.
 */
@Repository
class WarrantyCoverRepository implements WarrantyCovers {

    private final JdbcClient jdbc;

    WarrantyCoverRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the covers of a ticket once; a redelivered event changes nothing. */
    @Override
    public void record(UUID ticketId, List<TicketOpened.WarrantyCover> covers) {
        if (covers == null || covers.isEmpty()) {
            return;
        }
        // One statement for all of them: this runs in the intake of every ticket, before the engine assigns it.
        jdbc.sql("""
                        insert into ticket_warranty_cover (ticket_id, part, first_day, last_day, in_cover, terms_version)
                        select :ticket, c.part, cast(c.first_day as date), cast(c.last_day as date), c.in_cover, c.terms_version
                        from unnest(:parts, :firstDays, :lastDays, :inCover, :versions)
                             as c(part, first_day, last_day, in_cover, terms_version)
                        on conflict do nothing""")
                .param("ticket", ticketId)
                .param("parts", covers.stream().map(TicketOpened.WarrantyCover::part).toArray(String[]::new))
                .param("firstDays", covers.stream().map(c -> c.firstDay().toString()).toArray(String[]::new))
                .param("lastDays", covers.stream().map(c -> c.lastDay().toString()).toArray(String[]::new))
                .param("inCover", covers.stream().map(TicketOpened.WarrantyCover::inCover).toArray(Boolean[]::new))
                .param("versions", covers.stream().map(TicketOpened.WarrantyCover::termsVersion).toArray(String[]::new))
                .update();
    }

    /** Parts (not the whole unit) whose cover held on the day of the ticket's call. */
    @Override
    public Set<String> coveredParts(UUID ticketId) {
        return jdbc.sql("select part from ticket_warranty_cover where ticket_id = :ticket and in_cover and part <> 'UNIT'")
                .param("ticket", ticketId).query(String.class).list().stream().collect(Collectors.toUnmodifiableSet());
    }
}
