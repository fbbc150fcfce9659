package com.aftersales.returns.depot;

import com.aftersales.contracts.warranty.WarrantyTerms;

import com.aftersales.returns.shared.ReturnsMetrics;
import com.aftersales.contracts.dispatch.DepotRepairRequested;
import com.aftersales.contracts.returns.DepotRepairPromiseAtRisk;
import com.aftersales.contracts.returns.DepotRepairStatusChanged;
import com.aftersales.contracts.returns.ReturnsEvents;
import com.aftersales.platform.web.ProblemException;
import com.aftersales.platform.partner.PartnerDeliveries;
import com.aftersales.platform.partner.PartnerTopics;
import com.aftersales.returns.policy.StoreTimeZones;
import com.aftersales.returns.product.ProductReplica;
import com.aftersales.returns.product.ProductSnapshot;
import com.aftersales.returns.rma.ReturnOrder;
import com.aftersales.returns.rma.ReturnService;
import com.aftersales.returns.rma.ReturnStatus;
import com.aftersales.platform.metrics.CachedGauges;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Use cases on depots and depot repairs; each change commits with its events (outbox and partner outbox). */
@Service
public class DepotService {

    private static final Logger log = LoggerFactory.getLogger(DepotService.class);
    /** Category of a unit dispatch sent without one and that the replica does not know: no depot repairs it. */
    static final String UNKNOWN_CATEGORY = "UNKNOWN";

    private final DepotRepository depots;
    private final PartnerDeliveries events;
    private final ReturnService returns;
    private final ProductReplica products;
    private final DepotProperties properties;
    private final StoreTimeZones zones;
    private final PartnerTopics partnerTopics;
    private final Clock clock;
    private final MeterRegistry meters;
    private final WarrantyTerms terms;

    DepotService(DepotRepository depots, PartnerDeliveries events, ReturnService returns, ProductReplica products,
                 DepotProperties properties, StoreTimeZones zones, PartnerTopics partnerTopics,
                 Clock clock, MeterRegistry meters, CachedGauges gauges, WarrantyTerms terms) {
        this.depots = depots;
        this.events = events;
        this.returns = returns;
        this.products = products;
        this.properties = properties;
        this.zones = zones;
        this.partnerTopics = partnerTopics;
        this.clock = clock;
        this.meters = meters;
        this.terms = terms;
        gauges.register(ReturnsMetrics.DEPOT_REPAIRS_LATE, "Depot repairs past their promised date and not finished", null,
                this::lateRepairCount);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Depot register(RegisterDepotRequest request) {
        // Category codes as every service writes them (one code list): a depot for "phone" repairs MOBILE_PHONE units.
        Set<String> categories = request.categories().stream().map(terms::canonical).collect(Collectors.toSet());
        Depot depot = new Depot(request.code(), request.name(), request.kind(), categories,
                request.turnaroundDays() != null ? request.turnaroundDays() : properties.defaultTurnaroundDays(), true, now());
        if (!depots.insert(depot)) {
            throw ProblemException.conflict("A depot with code " + depot.code() + " exists already");
        }
        if (depot.kind() == DepotKind.PARTNER) {
            // After commit: a broker that is slow or away must not hold the registration's transaction.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    partnerTopics.ensureFor(depot.code());
                }
            });
        }
        return depot;
    }

    @Transactional(readOnly = true)
    public List<Depot> depots() {
        return depots.depots();
    }

    @Transactional(readOnly = true)
    public Depot depot(String code) {
        return depots.depot(code).orElseThrow(() -> ProblemException.notFound("depot", code));
    }

    /** A repair order for a return in repair; the return must be IN_REPAIR and have no depot repair yet. */
    @Transactional(propagation = Propagation.MANDATORY)
    public DepotRepair fromReturn(UUID returnId, String requestedDepot) {
        ReturnOrder order = returns.get(returnId);
        if (order.status() != ReturnStatus.IN_REPAIR) {
            throw ProblemException.conflict("Return " + returnId + " is " + order.status() + "; depot repair needs IN_REPAIR");
        }
        if (depots.openForReturn(returnId)) {
            throw ProblemException.conflict("Return " + returnId + " already has a depot repair order");
        }
        ReturnOrder.Request r = order.request();
        return route(returnId, null, null, r.serialNumber(), r.model(), r.category(), r.reason(), requestedDepot, r.storeCode());
    }

    /** dispatch asked for a depot repair (a technician took the unit); redelivery of the same request is ignored. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<DepotRepair> fromDispatch(DepotRepairRequested request) {
        if (depots.requestExists(request.requestId())) {
            log.info("Depot repair request {} already has an order", request.requestId());
            return Optional.empty();
        }
        String category = request.productCategory();
        if (category == null) {
            Optional<ProductSnapshot> product = request.productId() != null ? products.byId(request.productId())
                    : products.bySerial(request.serialNumber());
            category = product.map(ProductSnapshot::category).orElse(UNKNOWN_CATEGORY);
        }
        String fault = request.faultDescription() != null ? request.faultDescription() : request.faultCategory();
        return Optional.of(route(null, request.ticketId(), request.requestId(), request.serialNumber(), request.model(),
                category, fault, request.depotCode(), null));
    }

    private DepotRepair route(UUID returnId, UUID ticketId, UUID requestId, String serial, String model, String category,
                              String fault, String requestedDepot, String storeCode) {
        category = terms.canonical(category);
        Depot depot = DepotRouter.route(depots.depots(), category, requestedDepot);
        Instant now = now();
        DepotRepair repair = DepotRepair.route(UUID.randomUUID(), depot, returnId, ticketId, requestId, serial, model, category,
                fault, zones.dateAt(storeCode, now), now);
        depots.insert(repair);
        publishStatus(repair, depot, "routed to " + depot.code(), now);
        return repair;
    }

    @Transactional(readOnly = true)
    public DepotRepair repair(UUID id) {
        return depots.repair(id).orElseThrow(() -> ProblemException.notFound("depot repair", id));
    }

    @Transactional(readOnly = true)
    public List<DepotRepair> repairs(String depotCode, Instant afterCreatedAt, UUID afterId, int limit) {
        return depots.repairs(depotCode, afterCreatedAt, afterId, limit);
    }

    /** A depot reports progress on its own order; a unit it shipped back is repaired as far as the return is concerned. */
    @Transactional
    public DepotRepair report(UUID id, String actingDepot, DepotRepairStatus status, String note) {
        DepotRepair repair = depots.repairForUpdate(id).orElseThrow(() -> ProblemException.notFound("depot repair", id));
        Instant now = now();
        repair.report(actingDepot, status, note, now);
        depots.update(repair);
        Depot depot = depot(repair.depotCode());
        publishStatus(repair, depot, note, now);
        if (status == DepotRepairStatus.SHIPPED_BACK && repair.returnId() != null
                && returns.get(repair.returnId()).status() == ReturnStatus.IN_REPAIR) {
            returns.repaired(repair.returnId());
        }
        return repair;
    }

    /** Raises PROMISE_AT_RISK for open repairs that will probably miss their date; returns how many. */
    @Transactional
    public int checkPromises(Instant at) {
        LocalDate today = zones.dateAt(null, at);
        int horizon = properties.remainingDaysByStatus().values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int raised = 0;
        for (DepotRepair repair : depots.openPromisedBy(today.plusDays(horizon), Integer.MAX_VALUE)) {
            if (repair.promiseAtRisk(today, properties.remainingDaysByStatus())) {
                repair.atRiskRaised(at);
                depots.update(repair);
                Depot depot = depot(repair.depotCode());
                // A return's repair names the return's ticket, so the delay reaches the ticket's timeline too.
                UUID ticketId = repair.ticketId() != null || repair.returnId() == null ? repair.ticketId()
                        : returns.get(repair.returnId()).request().ticketId();
                events.publish(ReturnsEvents.DEPOT_REPAIR_PROMISE_AT_RISK, repair.eventKey(), new DepotRepairPromiseAtRisk(
                        repair.id(), repair.depotCode(), repair.returnId(), ticketId, repair.status().name(),
                        repair.promisedBy(), repair.daysLeft(today), at), partnerCode(depot));
                meters.counter(ReturnsMetrics.DEPOT_REPAIRS_PROMISE_AT_RISK).increment();
                raised++;
            }
        }
        return raised;
    }

    private void publishStatus(DepotRepair repair, Depot depot, String note, Instant now) {
        events.publish(ReturnsEvents.DEPOT_REPAIR_STATUS_CHANGED, repair.eventKey(), new DepotRepairStatusChanged(repair.id(),
                repair.depotCode(), repair.returnId(), repair.ticketId(), repair.serialNumber(), repair.model(),
                repair.category(), repair.status().name(), note, repair.promisedBy(), now), partnerCode(depot));
        meters.counter(ReturnsMetrics.DEPOT_REPAIRS_STATUS_CHANGES, "status", repair.status().name()).increment();
    }

    private static String partnerCode(Depot depot) {
        return depot.kind() == DepotKind.PARTNER ? depot.code() : null;
    }

    /** Depot repairs past their promised date (in the depot's zone) and not finished. */
    @Transactional(readOnly = true)
    public long lateRepairCount() {
        return depots.late(zones.dateAt(null, clock.instant()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
