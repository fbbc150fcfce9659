package com.aftersales.returns.rma;

import com.aftersales.returns.policy.FreightPayer;
import com.aftersales.returns.policy.PolicyDecisionView;
import com.aftersales.returns.policy.PolicyRule;
import com.aftersales.returns.policy.Remedy;
import com.aftersales.returns.policy.ReturnChannel;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores returns in {@code return_order}: the columns that are queried (status, store, dates...) and the
 * step records (decision, receipt, inspection, refund...) as one JSON document. Updates are guarded by
 * the version column.
 */
@Repository
class ReturnRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReturnRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The step records of a return, stored as JSON. */
    record Details(PolicyDecisionView decision, ReturnOrder.Override override, ReturnOrder.Receipt receipt,
                   InspectionReport inspection, ReturnOrder.Fee fee, ReturnOrder.Refund refund,
                   ReturnOrder.ExchangeShipment exchange, ReturnOrder.OutOfStock outOfStock, ReturnOrder.Pickup pickup,
                   ReturnOrder.ShipBack shipBack, ReturnOrder.PhotoDecision photoDecision,
                   List<PolicyDecisionView.Rule> rulings, ReturnOrder.RepairCheck repairCheck,
                   ReturnOrder.Settlement settlement) {

        static Details of(ReturnOrder o) {
            return new Details(o.decision(), o.override(), o.receipt(), o.inspection(), o.fee(), o.refund(), o.exchange(),
                    o.outOfStock(), o.pickup(), o.shipBack(), o.photoDecision(), o.rulings(), o.repairCheck(), o.settlement());
        }
    }

    void insert(ReturnOrder o) {
        ReturnOrder.Request r = o.request();
        jdbc.sql("""
                        insert into return_order (id, serial_number, product_id, customer_id, category, model, channel, store_code,
                               salesperson_code, reason, quality_fault_claimed, shipping_error, sales_order_error, request_date,
                               status, remedy, freight_payer, freight_rule, photo_approval_due_at, ageing_level, disposition,
                               factory_batch_fault, next_notice_due_at, follow_up_reason, follow_up_due_at, created_at, updated_at, last_progress_at,
                               version, details, ticket_id, requested_by_store, request_date_override, received_at, ageing_responsible)
                        values (:id, :serial, :productId, :customerId, :category, :model, :channel, :store, :salesperson, :reason,
                                :fault, :shippingError, :orderError, :requestDate, :status, :remedy, :freightPayer, :freightRule,
                                :photoDue, :ageing, :disposition, :batchFault, :nextNotice, :followUpReason, :followUpDue, :createdAt,
                                :updatedAt, :lastProgress, 0,
                                cast(:details as jsonb), :ticketId, :requestedByStore, cast(:dateOverride as jsonb), :receivedAt,
                                :responsible)""")
                .param("id", o.id())
                .param("serial", r.serialNumber())
                .param("productId", r.productId())
                .param("customerId", r.customerId())
                .param("category", r.category())
                .param("model", r.model())
                .param("channel", r.channel().name())
                .param("store", r.storeCode())
                .param("ticketId", r.ticketId())
                .param("requestedByStore", r.requestedByStore())
                .param("dateOverride", r.requestDateOverride() == null ? null : json.writeValueAsString(r.requestDateOverride()))
                .param("salesperson", r.salespersonCode())
                .param("reason", r.reason())
                .param("fault", r.qualityFaultClaimed())
                .param("shippingError", r.shippingOrPickingError())
                .param("orderError", r.salesOrderError())
                .param("requestDate", r.requestDate())
                .param("createdAt", Timestamp.from(o.createdAt()))
                .params(mutable(o))
                .update();
    }

    void update(ReturnOrder o) {
        int updated = jdbc.sql("""
                        update return_order set status = :status, remedy = :remedy, freight_payer = :freightPayer,
                               freight_rule = :freightRule, photo_approval_due_at = :photoDue, ageing_level = :ageing,
                               disposition = :disposition, factory_batch_fault = :batchFault, next_notice_due_at = :nextNotice,
                               follow_up_reason = :followUpReason, follow_up_due_at = :followUpDue,
                               updated_at = :updatedAt, last_progress_at = :lastProgress, details = cast(:details as jsonb),
                               received_at = :receivedAt, ageing_responsible = :responsible,
                               version = version + 1
                        where id = :id and version = :version""")
                .param("id", o.id())
                .param("version", o.version())
                .params(mutable(o))
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("return " + o.id() + " changed since version " + o.version());
        }
    }

    private java.util.Map<String, Object> mutable(ReturnOrder o) {
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        values.put("status", o.status().name());
        values.put("remedy", o.remedy().name());
        values.put("freightPayer", o.freightPayer().name());
        values.put("freightRule", o.freightRule().name());
        values.put("photoDue", o.photoApprovalDueAt() == null ? null : Timestamp.from(o.photoApprovalDueAt()));
        values.put("ageing", o.ageingLevel());
        values.put("disposition", o.disposition() == null ? null : o.disposition().name());
        values.put("batchFault", o.inspection() != null && o.inspection().factoryBatchFault());
        values.put("nextNotice", o.pickup() == null || o.status() != ReturnStatus.READY_FOR_PICKUP ? null
                : Timestamp.from(o.pickup().nextNoticeDueAt()));
        values.put("followUpReason", o.followUp() == null ? null : o.followUp().reason().name());
        values.put("followUpDue", o.followUp() == null ? null : Timestamp.from(o.followUp().dueAt()));
        values.put("updatedAt", Timestamp.from(o.updatedAt()));
        values.put("lastProgress", Timestamp.from(o.lastProgressAt()));
        values.put("receivedAt", o.receipt() == null ? null : Timestamp.from(o.receipt().at()));
        values.put("responsible", o.ageingResponsible());
        values.put("details", json.writeValueAsString(Details.of(o)));
        return values;
    }

    Optional<ReturnOrder> find(UUID id) {
        return jdbc.sql("select * from return_order where id = :id").param("id", id).query(this::map).optional();
    }

    /** Reads a return and locks its row until the transaction ends. */
    Optional<ReturnOrder> findForUpdate(UUID id) {
        return jdbc.sql("select * from return_order where id = :id for update").param("id", id).query(this::map).optional();
    }

    /** Newest first (created, then id), after the keyset position ({@code afterCreatedAt}, {@code afterId}) if any. */
    List<ReturnOrder> list(ReturnStatus status, String storeCode, Instant afterCreatedAt, UUID afterId, int limit) {
        return jdbc.sql("""
                        select * from return_order where (cast(:status as text) is null or status = :status)
                          and (cast(:store as text) is null or store_code = :store)
                          and (cast(:afterId as uuid) is null or (created_at, id) < (:afterAt, :afterId))
                        order by created_at desc, id desc limit :limit""")
                .param("status", status == null ? null : status.name())
                .param("store", storeCode)
                .param("afterAt", afterCreatedAt == null ? null : Timestamp.from(afterCreatedAt))
                .param("afterId", afterId)
                .param("limit", limit)
                .query(this::map).list();
    }

    /** Returns at the store whose next pick-up notice (or ship-back) is due; locked, skipping rows others hold. */
    List<ReturnOrder> pickupsDue(Instant now, int limit) {
        return jdbc.sql("""
                        select * from return_order where status = 'READY_FOR_PICKUP' and next_notice_due_at <= :now
                        order by next_notice_due_at limit :limit for update skip locked""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(this::map).list();
    }

    /** Returns whose follow-up (out-of-stock contact, photo approval) is due; locked, skipping rows others hold. */
    List<ReturnOrder> followUpsDue(Instant now, int limit) {
        return jdbc.sql("""
                        select * from return_order where follow_up_due_at <= :now
                        order by follow_up_due_at limit :limit for update skip locked""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(this::map).list();
    }

    /** Returns received by {@code before}, still being processed, that have not yet raised {@code level}. */
    List<ReturnOrder> ageing(Instant before, List<String> notYetRaised, List<String> openStatuses, int limit) {
        return jdbc.sql("""
                        select * from return_order where received_at <= :before and status in (:open)
                          and (ageing_level is null or ageing_level in (:notYet))
                        order by received_at limit :limit for update skip locked""")
                .param("before", Timestamp.from(before)).param("open", openStatuses).param("notYet", notYetRaised)
                .param("limit", limit).query(this::map).list();
    }

    /**
     * Received returns still being processed by time since arrival: within the processing time, overdue, past the
     * escalation time (for the ageing gauge).
     */
    long[] ageingBuckets(Instant processingCutoff, Instant escalationCutoff, List<String> openStatuses) {
        return jdbc.sql("""
                        select count(*) filter (where received_at > :processing),
                               count(*) filter (where received_at <= :processing and received_at > :escalation),
                               count(*) filter (where received_at <= :escalation)
                        from return_order where status in (:open) and received_at is not null""")
                .param("processing", Timestamp.from(processingCutoff)).param("escalation", Timestamp.from(escalationCutoff))
                .param("open", openStatuses)
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
    }

    /** How many returns are in each status (for the gauge). */
    java.util.Map<ReturnStatus, Long> countByStatus() {
        java.util.Map<ReturnStatus, Long> counts = new java.util.EnumMap<>(ReturnStatus.class);
        jdbc.sql("select status, count(*) from return_order group by status")
                .query((rs, n) -> counts.put(ReturnStatus.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    private ReturnOrder map(ResultSet rs, int row) throws SQLException {
        Details d = json.readValue(rs.getString("details"), Details.class);
        ReturnOrder.Request request = new ReturnOrder.Request(rs.getString("serial_number"), rs.getObject("product_id", UUID.class),
                rs.getObject("customer_id", UUID.class), rs.getString("category"), rs.getString("model"),
                ReturnChannel.valueOf(rs.getString("channel")), rs.getString("store_code"), rs.getString("salesperson_code"),
                rs.getString("reason"), rs.getBoolean("quality_fault_claimed"), rs.getBoolean("shipping_error"),
                rs.getBoolean("sales_order_error"), rs.getObject("request_date", LocalDate.class),
                rs.getObject("ticket_id", UUID.class), rs.getString("requested_by_store"),
                rs.getString("request_date_override") == null ? null
                        : json.readValue(rs.getString("request_date_override"), ReturnOrder.RequestDateOverride.class));
        String disposition = rs.getString("disposition");
        String followUpReason = rs.getString("follow_up_reason");
        ReturnOrder.FollowUp followUp = followUpReason == null ? null
                : new ReturnOrder.FollowUp(ReturnOrder.FollowUpReason.valueOf(followUpReason), instant(rs, "follow_up_due_at"));
        return ReturnOrder.restore(rs.getObject("id", UUID.class), request, instant(rs, "created_at"), rs.getLong("version"),
                ReturnStatus.valueOf(rs.getString("status")), Remedy.valueOf(rs.getString("remedy")), d.decision(),
                FreightPayer.valueOf(rs.getString("freight_payer")), PolicyRule.valueOf(rs.getString("freight_rule")),
                instant(rs, "photo_approval_due_at"), d.photoDecision(), d.rulings(), d.override(), d.receipt(), d.inspection(), d.fee(), d.refund(),
                d.exchange(), d.outOfStock(), d.pickup(), d.shipBack(), d.repairCheck(), d.settlement(),
                disposition == null ? null : ReturnOrder.UnitDisposition.valueOf(disposition), rs.getString("ageing_level"),
                rs.getString("ageing_responsible"), followUp,
                instant(rs, "updated_at"), instant(rs, "last_progress_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
