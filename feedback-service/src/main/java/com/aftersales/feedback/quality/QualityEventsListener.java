package com.aftersales.feedback.quality;

import com.aftersales.contracts.Topics;
import com.aftersales.contracts.dispatch.DepotRepairRequested;
import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.dispatch.VisitCompleted;
import com.aftersales.contracts.product.ProductFacts;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.ticket.TicketOpened;
import com.aftersales.platform.inbox.EventHandlers;
import com.aftersales.platform.inbox.InboundEventProcessor;
import com.aftersales.platform.kafka.KafkaPlatformConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Projects units, tickets and failures for the quality loop. Its own consumer group, so that it reads
 * every partition of both topics and can be rebuilt without touching the other projections.
 */
@Component
class QualityEventsListener {

    static final String GROUP = "feedback-service.quality";
    static final String LISTENER_ID = "quality-projection";
    static final List<String> TOPICS = List.of(Topics.TICKETS, Topics.DISPATCH);
    /** The projection's tables; alerts are decisions with published events, never rebuilt. */
    static final List<String> TABLES = List.of("quality_unit", "quality_ticket", "quality_fault");
    static final String REPAIR = "REPAIR";

    private final InboundEventProcessor inbound;
    private final JdbcClient jdbc;
    private final QualityProperties properties;
    private final EventHandlers handlers;

    QualityEventsListener(InboundEventProcessor inbound, JdbcClient jdbc, QualityProperties properties) {
        this.inbound = inbound;
        this.jdbc = jdbc;
        this.properties = properties;
        this.handlers = EventHandlers.builder()
                .on(TicketEvents.PRODUCT_REGISTERED, e -> unit(e.data().product(), e.data().registeredAt()))
                .on(TicketEvents.PRODUCT_UPDATED, e -> unit(e.data().product(), e.data().updatedAt()))
                .on(TicketEvents.TICKET_OPENED, e -> ticketOpened(e.data()))
                .on(DispatchEvents.VISIT_COMPLETED, e -> visitCompleted(e.data()))
                .on(DispatchEvents.DEPOT_REPAIR_REQUESTED, e -> depotRepair(e.data()))
                .build();
    }

    /** A poll at a time, in one transaction (see {@link InboundEventProcessor#processBatch}). */
    @KafkaListener(id = LISTENER_ID, topics = {Topics.TICKETS, Topics.DISPATCH}, groupId = GROUP,
            containerFactory = KafkaPlatformConfiguration.BATCH_LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbound.processBatch(records, handlers);
    }

    EventHandlers handlers() {
        return handlers;
    }

    private void unit(ProductFacts p, Instant at) {
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

    private void ticketOpened(TicketOpened t) {
        jdbc.sql("""
                        insert into quality_ticket (ticket_id, product_id, serial_number, model, ticket_type, opened_at)
                        values (:id, :product, :serial, :model, :type, :at) on conflict (ticket_id) do nothing""")
                .param("id", t.ticketId()).param("product", t.productId()).param("serial", t.serialNumber())
                .param("model", t.model()).param("type", t.ticketType()).param("at", Timestamp.from(t.openedAt()))
                .update();
        // Until visits carry diagnoses everywhere, the agent's code is the only failure record of a repair ticket;
        // it is labelled TICKET_INTAKE and replaced as soon as a visit or depot record arrives.
        String code = t.faultCode() != null ? t.faultCode() : t.faultCategory();
        if (properties.includeTicketIntakeFaults() && REPAIR.equals(t.ticketType()) && code != null) {
            fault(t.ticketId(), FaultSource.TICKET_INTAKE, code, t.productId(), t.model(), t.serialNumber(), t.openedAt());
        }
    }

    private void visitCompleted(VisitCompleted v) {
        if (v.faultCode() != null) {
            // v1.1 visits name the unit themselves; v1.0 ones are joined to their ticket at scan time.
            fault(v.ticketId(), FaultSource.VISIT, v.faultCode(), v.productId(), v.model(), v.serialNumber(), v.completedAt());
        }
    }

    private void depotRepair(DepotRepairRequested d) {
        if (d.faultCode() != null) {
            fault(d.ticketId(), FaultSource.DEPOT, d.faultCode(), d.productId(), d.model(), d.serialNumber(), d.requestedAt());
        }
    }

    /**
     * The incoming record wins the diagnosis if its source ranks higher, or ranks the same and is newer; the unit's
     * identity is filled from whichever record knows it, so the row does not depend on which topic was read first.
     */
    private static final String WINS = "(excluded.source_rank > quality_fault.source_rank or (excluded.source_rank = "
            + "quality_fault.source_rank and excluded.observed_at >= quality_fault.observed_at))";

    private void fault(UUID ticketId, FaultSource source, String code, UUID productId, String model, String serial, Instant at) {
        jdbc.sql("""
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
                                            else coalesce(quality_fault.serial_number, excluded.serial_number) end""".formatted(WINS))
                .param("ticket", ticketId).param("source", source.name()).param("rank", source.rank).param("code", code)
                .param("product", productId).param("model", model).param("serial", serial).param("at", Timestamp.from(at))
                .update();
    }
}
