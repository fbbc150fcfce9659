package com.aftersales.feedback.kpi;

import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.dispatch.TechnicianAssigned;
import com.aftersales.contracts.dispatch.VisitCompleted;
import com.aftersales.contracts.dispatch.VisitStarted;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
                .beforeBatch(this::prefetch)
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
                product(t.productId()).ifPresent(p -> f.storeCode = p[1]);
            }
        });
        if (REPAIR.equals(t.ticketType()) && t.productId() != null) {
            // Its resolution may have been consumed first (it knew neither unit nor type then): check it now.
            markRepeatIfCameBack(t.ticketId());
            // This repair makes an earlier resolution of the same unit within the window a repeat.
            Instant opened = t.openedAt();
            for (UUID earlier : repairTicketsOfProduct(t.productId(), t.ticketId(),
                    RepeatCandidates.resolvedBetween(opened.minus(properties.repeatRepairWindow()), opened))) {
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
            for (UUID other : repairTicketsOfProduct(f.productId, ticketId,
                    RepeatCandidates.openedBetween(f.resolvedAt, f.resolvedAt.plus(properties.repeatRepairWindow())))) {
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
        KpiRepository.VisitTotals totals = recordVisit(new KpiRepository.Visit(v.visitId(), v.ticketId(), v.reportVersion(),
                minor(v.cost()), minor(v.charged()), v.labourMinutes() * SECONDS_PER_MINUTE));
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
        unitOfWork().products.computeIfPresent(p.productId(),
                (id, before) -> Optional.of(new String[]{p.model(), p.storeCode(), p.installRegionCode()}));
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
        /** Prefetched: units as registered (empty: not registered) and their stored tickets. */
        final Map<UUID, Optional<String[]>> products = new HashMap<>();
        final Map<UUID, List<KpiRepository.ProductTicket>> ticketsOfProduct = new HashMap<>();
        /** Prefetched: the stored visits of these tickets (and those recorded since, unwritten), by visit. */
        final Set<UUID> visitsLoaded = new HashSet<>();
        final Map<UUID, KpiRepository.Visit> visits = new LinkedHashMap<>();
        final Set<UUID> visitsChanged = new HashSet<>();

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

    /**
     * A poll's events about to be applied: what their handlers would load one at a time (each ticket's facts, locked;
     * the units of openings and of tickets with their stored tickets; the tickets' visits) is loaded with a statement
     * each. Handlers read from it and fall back to loading when something was not prefetched (a record applied alone).
     */
    private void prefetch(List<EventEnvelope<?>> events) {
        UnitOfWork work = unitOfWork();
        Set<UUID> tickets = new HashSet<>();
        Set<UUID> products = new HashSet<>();
        Set<UUID> visits = new HashSet<>();
        for (EventEnvelope<?> event : events) {
            Object data = event.data();
            if (data instanceof TicketOpened t) {
                tickets.add(t.ticketId());
                if (t.productId() != null) {
                    products.add(t.productId());
                }
            } else if (data instanceof TicketStatusChanged t) {
                tickets.add(t.ticketId());
            } else if (data instanceof TechnicianAssigned a) {
                tickets.add(a.ticketId());
            } else if (data instanceof VisitStarted v) {
                tickets.add(v.ticketId());
            } else if (data instanceof VisitCompleted v) {
                tickets.add(v.ticketId());
                visits.add(v.visitId());
            } else if (data instanceof TicketSlaBreached b) {
                tickets.add(b.ticketId());
            } else if (data instanceof SurveyAnswered a) {
                tickets.add(a.ticketId());
            } else if (data instanceof ComplaintOpened c && c.ticketId() != null) {
                tickets.add(c.ticketId());
            } else if (data instanceof ProductRegistered r) {
                products.add(r.product().productId());
            }
        }
        tickets.remove(null);
        tickets.removeAll(work.current.keySet());
        if (!tickets.isEmpty()) {
            for (TicketFacts loaded : store.loadAllForUpdate(tickets)) {
                work.current.put(loaded.ticketId, loaded);
                work.written.put(loaded.ticketId, loaded.copy());
                if (REPAIR.equals(loaded.ticketType) && loaded.productId != null) {
                    products.add(loaded.productId);
                }
            }
            for (KpiRepository.Visit visit : store.visits(tickets, visits)) {
                work.visits.putIfAbsent(visit.visitId(), visit);
            }
            work.visitsLoaded.addAll(tickets);
        }
        products.removeAll(work.products.keySet());
        if (!products.isEmpty()) {
            Map<UUID, String[]> registered = store.products(products);
            products.forEach(id -> {
                work.products.put(id, Optional.ofNullable(registered.get(id)));
                work.ticketsOfProduct.put(id, new ArrayList<>());
            });
            store.ticketsOfProducts(products).forEach(t -> work.ticketsOfProduct.get(t.productId()).add(t));
        }
    }

    private Optional<String[]> product(UUID productId) {
        return unitOfWork().products.computeIfAbsent(productId, store::product);
    }

    /**
     * Records a visit's report unless a later version is already known, and returns its ticket's visits summed: in
     * memory when the ticket's visits were prefetched (written with the facts), else in the database at once.
     */
    private KpiRepository.VisitTotals recordVisit(KpiRepository.Visit visit) {
        UnitOfWork work = unitOfWork();
        if (!work.visitsLoaded.contains(visit.ticketId())) {
            return store.recordVisit(visit.visitId(), visit.ticketId(), visit.reportVersion(), visit.costMinor(),
                    visit.chargedMinor(), visit.labourS());
        }
        KpiRepository.Visit known = work.visits.get(visit.visitId());
        if (known == null || visit.reportVersion() > known.reportVersion()) {
            // As the upsert does: a visit keeps the ticket it was first recorded with.
            UUID ticket = known == null ? visit.ticketId() : known.ticketId();
            work.visits.put(visit.visitId(), new KpiRepository.Visit(visit.visitId(), ticket, visit.reportVersion(),
                    visit.costMinor(), visit.chargedMinor(), visit.labourS()));
            work.visitsChanged.add(visit.visitId());
        }
        long cost = 0;
        long charged = 0;
        long labour = 0;
        int count = 0;
        for (KpiRepository.Visit v : work.visits.values()) {
            if (v.ticketId().equals(visit.ticketId())) {
                cost += v.costMinor();
                charged += v.chargedMinor();
                labour += v.labourS();
                count++;
            }
        }
        return new KpiRepository.VisitTotals(cost, charged, labour, count);
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
    private List<UUID> repairTicketsOfProduct(UUID productId, UUID except, RepeatCandidates window) {
        List<KpiRepository.ProductTicket> stored = unitOfWork().ticketsOfProduct.get(productId);
        return merged(stored == null
                        ? store.repairTicketsOfProduct(productId, except, window.byResolution(), window.from(), window.to())
                        : stored.stream()
                        .filter(t -> REPAIR.equals(t.ticketType()) && !t.ticketId().equals(except)
                                && window.includes(t.openedAt(), t.resolvedAt()))
                        .map(KpiRepository.ProductTicket::ticketId).toList(),
                f -> !f.ticketId.equals(except) && productId.equals(f.productId) && REPAIR.equals(f.ticketType)
                        && window.includes(f.openedAt, f.resolvedAt));
    }

    /**
     * Which of a unit's other repairs the repeat rule can concern: those resolved, or opened, within its window of the
     * ticket at hand. Widened by a margin, so that the database's microseconds never drop a ticket at the edge; the rule
     * itself ({@link #isRepeat}) decides on the candidates. Without it every opening loaded, and locked, every earlier
     * ticket of the unit: a statement each, growing with the unit's history.
     */
    private record RepeatCandidates(boolean byResolution, Instant from, Instant to) {

        private static final java.time.Duration MARGIN = java.time.Duration.ofSeconds(1);

        static RepeatCandidates resolvedBetween(Instant from, Instant to) {
            return new RepeatCandidates(true, from.minus(MARGIN), to.plus(MARGIN));
        }

        static RepeatCandidates openedBetween(Instant from, Instant to) {
            return new RepeatCandidates(false, from.minus(MARGIN), to.plus(MARGIN));
        }

        boolean includes(Instant openedAt, Instant resolvedAt) {
            Instant at = byResolution ? resolvedAt : openedAt;
            return at != null && !at.isBefore(from) && !at.isAfter(to);
        }
    }

    private List<UUID> ticketsOfProductWithoutStore(UUID productId) {
        List<KpiRepository.ProductTicket> stored = unitOfWork().ticketsOfProduct.get(productId);
        return merged(stored == null ? store.ticketsOfProductWithoutStore(productId) : stored.stream()
                        .filter(t -> t.storeCode() == null).map(KpiRepository.ProductTicket::ticketId).toList(),
                f -> productId.equals(f.productId) && f.storeCode == null);
    }

    private List<UUID> merged(List<UUID> stored, java.util.function.Predicate<TicketFacts> matches) {
        TreeSet<UUID> ids = new TreeSet<>(stored);
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
        store.saveVisits(work.visitsChanged.stream().map(work.visits::get).toList());
        work.visitsChanged.clear();
        List<TicketFacts> changed = new ArrayList<>();
        for (Map.Entry<UUID, TicketFacts> entry : work.current.entrySet()) {
            TicketFacts now = entry.getValue();
            TicketFacts before = work.written.get(entry.getKey());
            if (now.equals(before)) {
                continue;
            }
            changed.add(now.copy());
            contribute(work.deltas, before, -1);
            contribute(work.deltas, now, 1);
            work.written.put(entry.getKey(), now.copy());
        }
        store.saveAll(changed);
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
