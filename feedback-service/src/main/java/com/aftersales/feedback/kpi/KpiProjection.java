package com.aftersales.feedback.kpi;

import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.dispatch.TechnicianAssigned;
import com.aftersales.contracts.dispatch.VisitCompleted;
import com.aftersales.contracts.feedback.ComplaintOpened;
import com.aftersales.contracts.feedback.FeedbackEvents;
import com.aftersales.contracts.feedback.SurveyAnswered;
import com.aftersales.contracts.product.ProductRegistered;
import com.aftersales.contracts.returns.ReturnRequested;
import com.aftersales.contracts.returns.ReturnsEvents;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.ticket.TicketOpened;
import com.aftersales.contracts.ticket.TicketSlaBreached;
import com.aftersales.contracts.ticket.TicketStatusChanged;
import com.aftersales.platform.inbox.EventHandlers;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Applies events to the KPI facts and keeps {@code kpi_daily} in step. Every change is order-independent
 * (earliest/latest-wins, sums keyed by visit, symmetric repeat check), so the live projection and a
 * rebuild from offset zero, which interleave partitions differently, end with the same tables.
 */
@Component
class KpiProjection {

    static final String SYSTEM_ACTOR_PREFIX = "system:";
    static final String REPAIR = "REPAIR";
    static final String CONSUMER = "CONSUMER";
    private static final int MINOR_UNITS = 2;
    private static final long SECONDS_PER_MINUTE = 60;

    private final KpiRepository store;
    private final KpiProperties properties;
    private final EventHandlers handlers;

    KpiProjection(KpiRepository store, KpiProperties properties) {
        this.store = store;
        this.properties = properties;
        this.handlers = EventHandlers.builder()
                .on(TicketEvents.TICKET_OPENED, e -> opened(e.data()))
                .on(TicketEvents.TICKET_STATUS_CHANGED, e -> statusChanged(e.data()))
                .on(TicketEvents.PRODUCT_REGISTERED, e -> productRegistered(e.data()))
                .on(DispatchEvents.TECHNICIAN_ASSIGNED, e -> assigned(e.data()))
                .on(DispatchEvents.VISIT_STARTED, e -> change(e.data().ticketId(), f -> {
                    f.onSiteAt = TicketFacts.earliest(f.onSiteAt, e.data().startedAt());
                    f.technician(e.data().technicianId().toString(), e.data().startedAt());
                }))
                .on(DispatchEvents.VISIT_COMPLETED, e -> visitCompleted(e.data()))
                .on(TicketEvents.TICKET_SLA_BREACHED, e -> slaBreached(e.data()))
                .on(FeedbackEvents.SURVEY_ANSWERED, e -> surveyAnswered(e.data()))
                .on(FeedbackEvents.COMPLAINT_OPENED, e -> complaintOpened(e.data()))
                .on(ReturnsEvents.RETURN_REQUESTED, e -> returnRequested(e.data()))
                .on(ReturnsEvents.RETURN_DECIDED, e -> returnCounted(e.data().returnId(), e.data().countsInReturnRate()))
                .on(ReturnsEvents.RETURN_STATUS_CHANGED, e -> returnCounted(e.data().returnId(), e.data().countsInReturnRate()))
                .build();
    }

    EventHandlers handlers() {
        return handlers;
    }

    private void opened(TicketOpened t) {
        change(t.ticketId(), f -> {
            f.openedAt = t.openedAt();
            f.ticketType = t.ticketType();
            f.model = t.model();
            f.regionCode = t.regionCode();
            f.productId = t.productId();
            if (t.sla() != null) {
                f.onSiteDueAt = t.sla().onSiteDueAt();
                f.onSiteTargetAt = t.sla().onSiteTargetAt();
                f.resolutionDueAt = t.sla().resolutionDueAt();
            }
            if (t.productId() != null) {
                store.product(t.productId()).ifPresent(p -> f.storeCode = p[1]);
            }
        });
        if (REPAIR.equals(t.ticketType()) && t.productId() != null) {
            // Its resolution may have been consumed first (it knew neither unit nor type then): check it now.
            markRepeatIfCameBack(t.ticketId());
            // This repair makes an earlier resolution of the same unit within the window a repeat.
            for (UUID earlier : repairTicketsOfProduct(t.productId(), t.ticketId())) {
                change(earlier, f -> {
                    if (f.resolvedAt != null && isRepeat(f.resolvedAt, t.openedAt())) {
                        f.repeatedWithinWindow = true;
                    }
                });
            }
        }
    }

    private boolean isRepeat(Instant resolvedAt, Instant nextOpenedAt) {
        return nextOpenedAt.isAfter(resolvedAt) && !nextOpenedAt.isAfter(resolvedAt.plus(properties.repeatRepairWindow()));
    }

    private void statusChanged(TicketStatusChanged s) {
        change(s.ticketId(), f -> {
            // The first response is the first move a person makes; the system's own moves (queueing) are not one.
            if (s.actor() == null || !s.actor().startsWith(SYSTEM_ACTOR_PREFIX)) {
                f.firstResponseAt = TicketFacts.earliest(f.firstResponseAt, s.changedAt());
            }
            if (properties.resolvedStatuses().contains(s.toStatus())) {
                f.resolvedAt = TicketFacts.earliest(f.resolvedAt, s.changedAt());
            }
        });
        if (properties.resolvedStatuses().contains(s.toStatus())) {
            markRepeatIfCameBack(s.ticketId());
        }
    }

    /** The symmetric half of the repeat rule: a later repair of the unit may have been seen before this resolution. */
    private void markRepeatIfCameBack(UUID ticketId) {
        change(ticketId, f -> {
            if (!REPAIR.equals(f.ticketType) || f.productId == null || f.resolvedAt == null) {
                return;
            }
            for (UUID other : repairTicketsOfProduct(f.productId, ticketId)) {
                TicketFacts later = facts(other);
                if (later.openedAt != null && isRepeat(f.resolvedAt, later.openedAt)) {
                    f.repeatedWithinWindow = true;
                }
            }
        });
    }

    private void assigned(TechnicianAssigned a) {
        change(a.ticketId(), f -> {
            f.assignedAt = TicketFacts.earliest(f.assignedAt, a.assignedAt());
            f.technician(a.technicianId().toString(), a.assignedAt());
        });
    }

    private void visitCompleted(VisitCompleted v) {
        KpiRepository.VisitTotals totals = store.recordVisit(v.visitId(), v.ticketId(), v.reportVersion(), minor(v.cost()),
                minor(v.charged()), v.labourMinutes() * SECONDS_PER_MINUTE);
        change(v.ticketId(), f -> {
            f.costMinor = totals.costMinor();
            f.revenueMinor = totals.chargedMinor();
            f.labourS = totals.labourS();
            f.visits = totals.visits();
            f.firstTimeFix = Boolean.TRUE.equals(f.firstTimeFix) || v.firstTimeFix();
            f.technician(v.technicianId().toString(), v.completedAt());
        });
    }

    private static long minor(BigDecimal amount) {
        return amount == null ? 0 : amount.movePointRight(MINOR_UNITS).longValue();
    }

    /** Clocks other than these (FIRST_RESPONSE, future ones) are measured from timestamps only. */
    private void slaBreached(TicketSlaBreached b) {
        change(b.ticketId(), f -> {
            switch (b.clock()) {
                case "ON_SITE" -> f.onSiteBreached = true;
                case "ON_SITE_TARGET" -> f.onSiteTargetBreached = true;
                case "RESOLUTION" -> f.resolutionBreached = true;
                default -> {
                }
            }
        });
    }

    private void surveyAnswered(SurveyAnswered s) {
        change(s.ticketId(), f -> {
            f.csat = s.csat();
            f.nps = s.nps();
        });
    }

    private void complaintOpened(ComplaintOpened c) {
        if (c.ticketId() != null) {
            change(c.ticketId(), f -> f.complaints++);
        }
    }

    private void productRegistered(ProductRegistered e) {
        var p = e.product();
        if (!store.saveProduct(p.productId(), p.model(), p.storeCode(), p.installRegionCode())) {
            return;
        }
        LocalDate sold = p.purchaseDate() != null ? p.purchaseDate() : LocalDate.ofInstant(e.registeredAt(), properties.zone());
        Measures unit = new Measures().add(Measure.UNITS_SOLD, 1);
        add(sold, Dimension.ALL, Dimension.ALL_VALUE, unit);
        addIfKnown(sold, Dimension.STORE, p.storeCode(), unit);
        addIfKnown(sold, Dimension.MODEL, p.model(), unit);
        addIfKnown(sold, Dimension.REGION, p.installRegionCode(), unit);
        for (UUID ticket : ticketsOfProductWithoutStore(p.productId())) {
            change(ticket, f -> f.storeCode = p.storeCode());
        }
    }

    /**
     * A return counts on its request day and store; whether it counts is returns-service's rule, published with its
     * decision and every move (countsInReturnRate). Until the decision arrives a consumer return counts, a dealer's not.
     */
    private void returnRequested(ReturnRequested r) {
        LocalDate day = r.requestDate() != null ? r.requestDate() : LocalDate.ofInstant(r.requestedAt(), properties.zone());
        boolean counted = CONSUMER.equals(r.channel());
        if (store.saveReturn(r.returnId(), day, r.storeCode(), counted) && counted) {
            countReturn(day, r.storeCode(), 1);
        }
    }

    /** A decision or move said whether the return counts now (null: a producer before v1.3, nothing changes). */
    private void returnCounted(UUID returnId, Boolean counts) {
        if (counts == null) {
            return;
        }
        store.recountReturn(returnId, counts).filter(before -> before.counted() != counts)
                .ifPresent(before -> countReturn(before.day(), before.storeCode(), counts ? 1 : -1));
    }

    private void countReturn(LocalDate day, String storeCode, int delta) {
        Measures one = new Measures().add(Measure.RETURNS, delta);
        add(day, Dimension.ALL, Dimension.ALL_VALUE, one);
        addIfKnown(day, Dimension.STORE, storeCode, one);
    }

    private void addIfKnown(LocalDate day, Dimension dimension, String value, Measures delta) {
        if (value != null && !value.isBlank()) {
            add(day, dimension, value, delta);
        }
    }

    /**
     * What one transaction (a poll's batch, a single record, a rebuild step) has changed and not yet written: each
     * touched ticket's facts as loaded and as they are now, and the summed row deltas. Written once, just before the
     * commit, so a batch costs one load and one save per ticket and one upsert per table instead of those per event.
     */
    private final class UnitOfWork implements TransactionSynchronization {
        final Map<UUID, TicketFacts> current = new LinkedHashMap<>();
        final Map<UUID, TicketFacts> written = new HashMap<>();
        final Map<List<Object>, Measures> deltas = new LinkedHashMap<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            KpiProjection.this.write(this);
        }
    }

    /** This transaction's unit of work: registered with the transaction, so it ends with it whatever happens. */
    private UnitOfWork unitOfWork() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("KPI events are applied inside the transaction of their processed-event marker");
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof UnitOfWork work) {
                return work;
            }
        }
        UnitOfWork work = new UnitOfWork();
        TransactionSynchronizationManager.registerSynchronization(work);
        return work;
    }

    /** A ticket's facts as this transaction sees them, locked in the database until it ends. */
    private TicketFacts facts(UUID ticketId) {
        UnitOfWork work = unitOfWork();
        return work.current.computeIfAbsent(ticketId, id -> {
            TicketFacts loaded = store.loadForUpdate(id);
            work.written.put(id, loaded.copy());
            return loaded;
        });
    }

    /** Changes a ticket's facts; its contribution moves (minus the old, plus the new, per row) when the work is written. */
    private void change(UUID ticketId, Consumer<TicketFacts> mutation) {
        mutation.accept(facts(ticketId));
    }

    private void add(LocalDate day, Dimension dimension, String value, Measures delta) {
        unitOfWork().deltas.merge(List.of(day, dimension, value), delta, Measures::plus);
    }

    /**
     * Queries over kpi_ticket answer from the database merged with this transaction's unwritten facts (the database
     * rows of tickets touched here are judged by their facts in memory), so a query does not force a write.
     */
    private List<UUID> repairTicketsOfProduct(UUID productId, UUID except) {
        return merged(store.repairTicketsOfProduct(productId, except),
                f -> !f.ticketId.equals(except) && productId.equals(f.productId) && REPAIR.equals(f.ticketType));
    }

    private List<UUID> ticketsOfProductWithoutStore(UUID productId) {
        return merged(store.ticketsOfProductWithoutStore(productId), f -> productId.equals(f.productId) && f.storeCode == null);
    }

    private List<UUID> merged(List<UUID> stored, java.util.function.Predicate<TicketFacts> matches) {
        java.util.TreeSet<UUID> ids = new java.util.TreeSet<>(stored);
        unitOfWork().current.values().forEach(f -> {
            if (matches.test(f)) {
                ids.add(f.ticketId);
            } else {
                ids.remove(f.ticketId);
            }
        });
        return List.copyOf(ids);
    }

    private void write(UnitOfWork work) {
        for (Map.Entry<UUID, TicketFacts> entry : work.current.entrySet()) {
            TicketFacts now = entry.getValue();
            TicketFacts before = work.written.get(entry.getKey());
            if (now.equals(before)) {
                continue;
            }
            store.save(now);
            contribute(work.deltas, before, -1);
            contribute(work.deltas, now, 1);
            work.written.put(entry.getKey(), now.copy());
        }
        store.addAll(work.deltas.entrySet().stream().map(e -> new KpiRepository.Delta((LocalDate) e.getKey().get(0),
                (Dimension) e.getKey().get(1), (String) e.getKey().get(2), e.getValue())).toList());
        work.deltas.clear();
    }

    private void contribute(Map<List<Object>, Measures> deltas, TicketFacts facts, int sign) {
        LocalDate day = KpiContribution.day(facts, properties.zone());
        if (day == null) {
            return;
        }
        Measures measures = KpiContribution.measures(facts);
        Measures signed = sign > 0 ? measures : measures.negated();
        KpiContribution.dimensions(facts).forEach((dimension, value) -> deltas.merge(List.of(day, dimension, value), signed,
                Measures::plus));
    }
}
