package com.aftersales.feedback.quality;

import com.aftersales.contracts.product.ProductFacts;
import com.aftersales.contracts.ticket.TicketOpened;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * The quality projection's tables ({@code quality_unit}, {@code quality_ticket}, {@code quality_fault}), written from
 * ticket and dispatch events.
 */
@Repository
class QualityProjectionRepository {

    /**
     * The incoming record wins the diagnosis if its source ranks higher, or ranks the same and is newer; the unit's
     * identity is filled from whichever record knows it, so the row does not depend on which topic was read first.
     */
    private static final String WINS = "(excluded.source_rank > quality_fault.source_rank or (excluded.source_rank = "
            + "quality_fault.source_rank and excluded.observed_at >= quality_fault.observed_at))";

    private static final String FAULT_UPSERT = """
            insert into quality_fault (ticket_id, source, source_rank, fault_code, product_id, model, serial_number, observed_at)
            values (:ticket, :source, :rank, :code, :product, :model, :serial, :at)
            on conflict (ticket_id) do update set
                source = case when %1$s then excluded.source else quality_fault.source end,
                source_rank = case when %1$s then excluded.source_rank else quality_fault.source_rank end,
                fault_code = case when %1$s then excluded.fault_code else quality_fault.fault_code end,
                observed_at = case when %1$s then excluded.observed_at else quality_fault.observed_at end,
                product_id = case when %1$s then coalesce(excluded.product_id, quality_fault.product_id)
                             else coalesce(quality_fault.product_id, excluded.product_id) end,
                model = case when %1$s then coalesce(excluded.model, quality_fault.model)
                        else coalesce(quality_fault.model, excluded.model) end,
                serial_number = case when %1$s then coalesce(excluded.serial_number, quality_fault.serial_number)
                                else coalesce(quality_fault.serial_number, excluded.serial_number) end""".formatted(WINS);
    private static final String TICKET_INSERT = """
            insert into quality_ticket (ticket_id, product_id, serial_number, model, ticket_type, opened_at)
            values (:ticket, :product, :serial, :model, :type, :at) on conflict (ticket_id) do nothing""";

    private final JdbcClient jdbc;

    QualityProjectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void unit(ProductFacts p, Instant at) {
        jdbc.sql("""
                        insert into quality_unit (product_id, customer_id, serial_number, model, category, batch_number,
                                                  region_code, store_code, registered_at, updated_at)
                        values (:id, :customer, :serial, :model, :category, :batch, :region, :store, :at, :at)
                        on conflict (product_id) do update set customer_id = excluded.customer_id,
                            serial_number = excluded.serial_number, model = excluded.model, category = excluded.category,
                            batch_number = excluded.batch_number, region_code = excluded.region_code,
                            store_code = excluded.store_code, updated_at = excluded.updated_at
                        where quality_unit.updated_at <= excluded.updated_at""")
                .param("id", p.productId()).param("customer", p.customerId()).param("serial", p.serialNumber())
                .param("model", p.model()).param("category", p.category()).param("batch", p.batchNumber())
                .param("region", p.installRegionCode()).param("store", p.storeCode()).param("at", Timestamp.from(at))
                .update();
    }

    void fault(UUID ticketId, FaultSource source, String code, UUID productId, String model, String serial, Instant at) {
        faultParams(jdbc.sql(FAULT_UPSERT), ticketId, source, code, productId, model, serial, at).update();
    }

    /**
     * A ticket, and with {@code intakeFaultCode} its TICKET_INTAKE failure record, in one statement (a data-modifying
     * WITH runs whether or not it is read).
     */
    void ticket(TicketOpened t, String intakeFaultCode) {
        if (intakeFaultCode == null) {
            ticketParams(jdbc.sql(TICKET_INSERT), t).update();
            return;
        }
        faultParams(ticketParams(jdbc.sql("with ticket as (" + TICKET_INSERT + ") " + FAULT_UPSERT), t), t.ticketId(),
                FaultSource.TICKET_INTAKE, intakeFaultCode, t.productId(), t.model(), t.serialNumber(), t.openedAt())
                .update();
    }

    private static JdbcClient.StatementSpec faultParams(JdbcClient.StatementSpec sql, UUID ticketId, FaultSource source,
                                                        String code, UUID productId, String model, String serial,
                                                        Instant at) {
        return sql.param("ticket", ticketId).param("source", source.name()).param("rank", source.rank).param("code", code)
                .param("product", productId).param("model", model).param("serial", serial).param("at", Timestamp.from(at));
    }

    private static JdbcClient.StatementSpec ticketParams(JdbcClient.StatementSpec sql, TicketOpened t) {
        return sql.param("ticket", t.ticketId()).param("product", t.productId()).param("serial", t.serialNumber())
                .param("model", t.model()).param("type", t.ticketType()).param("at", Timestamp.from(t.openedAt()));
    }
}
