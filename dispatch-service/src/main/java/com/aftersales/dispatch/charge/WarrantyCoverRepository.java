package com.aftersales.dispatch.charge;

import com.aftersales.contracts.ticket.TicketOpened;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
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
        if (covers == null) {
            return;
        }
        for (TicketOpened.WarrantyCover cover : covers) {
            jdbc.sql("""
                            insert into ticket_warranty_cover (ticket_id, part, first_day, last_day, in_cover, terms_version)
                            values (:ticket, :part, :first, :last, :inCover, :version) on conflict do nothing""")
                    .param("ticket", ticketId).param("part", cover.part())
                    .param("first", Date.valueOf(cover.firstDay())).param("last", Date.valueOf(cover.lastDay()))
                    .param("inCover", cover.inCover()).param("version", cover.termsVersion())
                    .update();
        }
    }

    /** Parts (not the whole unit) whose cover held on the day of the ticket's call. */
    @Override
    public Set<String> coveredParts(UUID ticketId) {
        return jdbc.sql("select part from ticket_warranty_cover where ticket_id = :ticket and in_cover and part <> 'UNIT'")
                .param("ticket", ticketId).query(String.class).list().stream().collect(Collectors.toUnmodifiableSet());
    }
}
