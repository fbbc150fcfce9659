package com.aftersales.dispatch.visit;

import com.aftersales.contracts.fault.FaultCategories;

import com.aftersales.dispatch.shared.DispatchMetrics;
import com.aftersales.contracts.dispatch.DepotRepairRequested;
import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.dispatch.PartsConsumed;
import com.aftersales.contracts.dispatch.VisitCompleted;
import com.aftersales.contracts.dispatch.VisitScheduled;
import com.aftersales.contracts.dispatch.VisitStarted;
import com.aftersales.dispatch.charge.ChargeCalculator;
import com.aftersales.dispatch.charge.WarrantyCovers;
import com.aftersales.dispatch.job.DispatchJob;
import com.aftersales.dispatch.job.DispatchJobs;
import com.aftersales.dispatch.job.DispatchJobStatus;
import com.aftersales.dispatch.parts.ConsumedPart;
import com.aftersales.dispatch.parts.PartsService;
import com.aftersales.dispatch.shared.InvalidRequestException;
import com.aftersales.domain.error.NotFoundException;
import com.aftersales.dispatch.shared.RuleViolationException;
import com.aftersales.dispatch.technician.Technicians;
import com.aftersales.dispatch.technician.TechnicianWorkEvents;
import com.aftersales.platform.outbox.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import com.aftersales.platform.security.Actor;
import com.aftersales.platform.security.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Service
public class VisitService {

    public static final String RULE_ASSIGNED_TECHNICIAN = "visit-by-assigned-technician";
    public static final String RULE_ONE_OPEN_VISIT = "one-open-visit-per-job";
    public static final String RULE_QUOTE_BEFORE_WORK = "quote-accepted-before-work";
    public static final String RULE_SIGNED_REPORT = "signed-report-before-completion";
    public static final String RULE_REPORT_IMMUTABLE = "report-immutable-once-signed";
    public static final String RULE_DEPOT_AUTHORISATION = "depot-needs-written-authorisation";

    private final VisitRepository visits;
    private final DispatchJobs jobs;
    private final Technicians technicians;
    private final PartsService parts;
    private final ChargeCalculator charges;
    private final EventPublisher events;
    private final TechnicianWorkEvents technicianEvents;
    private final Clock clock;
    private final MeterRegistry meters;
    private final CurrentActor actors;
    private final VisitProperties properties;
    private final WarrantyCovers warrantyCovers;

    VisitService(VisitRepository visits, DispatchJobs jobs, Technicians technicians, PartsService parts,
                 ChargeCalculator charges, EventPublisher events, TechnicianWorkEvents technicianEvents, Clock clock,
                 MeterRegistry meters, CurrentActor actors, WarrantyCovers warrantyCovers, VisitProperties properties) {
        this.warrantyCovers = warrantyCovers;
        this.properties = properties;
        this.technicianEvents = technicianEvents;
        this.actors = actors;
        this.visits = visits;
        this.jobs = jobs;
        this.technicians = technicians;
        this.parts = parts;
        this.charges = charges;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
    }

    /** The assigned technician agreed an appointment window with the customer. */
    @Transactional
    public Visit schedule(VisitRequests.Schedule request, UUID actingTechnician) {
        Instant now = now();
        Visit.requireValidWindow(request.windowStart(), request.windowEnd(), now);
        DispatchJob job = jobs.findForUpdate(request.jobId()).orElseThrow(() -> new NotFoundException("dispatch job", request.jobId()));
        if (job.status() != DispatchJobStatus.ASSIGNED) {
            throw new RuleViolationException(RULE_ASSIGNED_TECHNICIAN, "a " + job.status() + " job cannot get a visit; assign it first");
        }
        requireActor(job.technicianId(), actingTechnician, "dispatch job", job.id());
        boolean open = visits.ofJob(job.id()).stream()
                .anyMatch(v -> !v.status().isFinal() && v.technicianId().equals(job.technicianId()));
        if (open) {
            throw new RuleViolationException(RULE_ONE_OPEN_VISIT, "the job already has an open visit; reschedule it instead");
        }
        Visit visit = new Visit(UUID.randomUUID(), job.id(), job.ticketId(), job.technicianId(), VisitStatus.SCHEDULED,
                request.windowStart(), request.windowEnd(), 0, 0, null, null, null, 0);
        visits.insert(visit, now);
        visits.log(visit.id(), "SCHEDULED", window(visit), actor(actingTechnician), now);
        technicianEvents.publish(DispatchEvents.VISIT_SCHEDULED, job.ticketId().toString(), new VisitScheduled(visit.id(),
                job.id(), job.ticketId(), job.technicianId(), visit.windowStart(), visit.windowEnd(), false, null, now),
                job.technicianId());
        return visit;
    }

    @Transactional
    public Visit reschedule(UUID visitId, VisitRequests.Reschedule request, UUID actingTechnician) {
        Instant now = now();
        Visit.requireValidWindow(request.windowStart(), request.windowEnd(), now);
        Visit visit = lockedVisit(visitId, actingTechnician);
        Visit moved = visit.rescheduled(request.windowStart(), request.windowEnd());
        visits.update(moved);
        visits.log(visitId, "RESCHEDULED", window(moved) + "; " + request.reason(), actor(actingTechnician), now);
        technicianEvents.publish(DispatchEvents.VISIT_SCHEDULED, visit.ticketId().toString(), new VisitScheduled(visit.id(),
                visit.jobId(), visit.ticketId(), visit.technicianId(), moved.windowStart(), moved.windowEnd(), true,
                request.reason(), now), visit.technicianId());
        meters.counter(DispatchMetrics.VISITS_RESCHEDULED).increment();
        return visit(visitId);
    }

    @Transactional
    public Visit noShow(UUID visitId, VisitRequests.NoShow request, UUID actingTechnician) {
        Visit visit = lockedVisit(visitId, actingTechnician);
        Instant now = now();
        visits.update(visit.noShow(now, properties.noShowWait()));
        visits.log(visitId, "NO_SHOW", request.reason(), actor(actingTechnician), now);
        meters.counter(DispatchMetrics.VISITS_NO_SHOW).increment();
        return visit(visitId);
    }

    /** EN_ROUTE or ON_SITE from the technician app; arriving on site starts the visit. */
    @Transactional
    public Visit changeStatus(UUID visitId, VisitStatus target, UUID actingTechnician) {
        if (target.isFinal()) {
            throw new InvalidRequestException("status", "a visit ends through its completion, with a signed report");
        }
        Instant now = now();
        Visit visit = lockedVisit(visitId, actingTechnician);
        Visit moved = visit.moveTo(target, now);
        visits.update(moved);
        visits.log(visitId, target.name(), null, actor(actingTechnician), now);
        if (target == VisitStatus.ON_SITE) {
            DispatchJob job = jobs.findForUpdate(visit.jobId()).orElseThrow();
            if (job.status() == DispatchJobStatus.ASSIGNED) {
                jobs.update(job.withStatus(DispatchJobStatus.IN_PROGRESS));
            }
            events.publish(DispatchEvents.VISIT_STARTED, visit.ticketId().toString(),
                    new VisitStarted(visit.id(), visit.jobId(), visit.ticketId(), visit.technicianId(), now));
            if (visit.status() != VisitStatus.ON_SITE) {
                DispatchMetrics.timeToOnSite(meters, job.ticketPriority(), job.regionCode())
                        .record(Duration.between(job.queuedAt(), now));
            }
        }
        return visit(visitId);
    }

    /** Out-of-warranty work: a quote from the rate table and part prices, for the customer to accept before work. */
    @Transactional
    public VisitRepository.QuoteRow quote(UUID visitId, VisitRequests.Quote request, UUID actingTechnician) {
        Visit visit = lockedVisit(visitId, actingTechnician);
        DispatchJob job = jobs.find(visit.jobId()).orElseThrow();
        if (visit.status().isFinal()) {
            throw new RuleViolationException(Visit.RULE_LIFECYCLE, "the visit has ended");
        }
        List<ChargeCalculator.PartLine> lines = request.parts().stream().map(p -> {
            PartsService.Prices prices = parts.prices(p.partNumber());
            return new ChargeCalculator.PartLine(p.partNumber(), p.quantity(), prices.unitCost(), prices.unitPrice(),
                    prices.warrantyPart());
        }).toList();
        ChargeCalculator.Charge quote = charges.charge(job.entitlement() == null ? "UNKNOWN" : job.entitlement(),
                job.productCategory(), request.labourMinutes(), lines, warrantyCovers.coveredParts(job.ticketId()));
        Instant now = now();
        visits.saveQuote(visitId, new QuoteDocument(quote, lines), quote.charged(), now);
        visits.log(visitId, "QUOTED", quote.charged() + " " + quote.currency(), actor(actingTechnician), now);
        return visits.quote(visitId).orElseThrow();
    }

    /** What a quote holds: the computed charge and the priced lines. */
    record QuoteDocument(ChargeCalculator.Charge charge, List<ChargeCalculator.PartLine> parts) {
    }

    @Transactional
    public VisitRepository.QuoteRow acceptQuote(UUID visitId, VisitRequests.QuoteAcceptance request) {
        Visit visit = lockedVisit(visitId, null);
        Instant now = now();
        if (!visits.acceptQuote(visit.id(), request.acceptedBy(), now)) {
            throw new RuleViolationException(RULE_QUOTE_BEFORE_WORK, "there is no quote to accept for this visit");
        }
        visits.log(visitId, "QUOTE_ACCEPTED", request.acceptedBy(), "customer", now);
        return visits.quote(visitId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public VisitRepository.QuoteRow quoteOf(UUID visitId) {
        visit(visitId);
        return visits.quote(visitId).orElseThrow(() -> new NotFoundException("quote for visit", visitId));
    }

    /** A new report version: the first draft, or a correction of a signed version. */
    @Transactional
    public ServiceReport report(UUID visitId, VisitRequests.Report request, UUID actingTechnician) {
        Visit visit = lockedVisit(visitId, actingTechnician);
        if (visit.status() != VisitStatus.ON_SITE && !visit.status().isFinal()) {
            throw new RuleViolationException(Visit.RULE_LIFECYCLE, "a report is written on site or after the visit");
        }
        DispatchJob job = jobs.find(visit.jobId()).orElseThrow();
        if (job.isOutOfWarranty() && visits.quote(visitId).map(q -> q.acceptedAt() == null).orElse(true)) {
            throw new RuleViolationException(RULE_QUOTE_BEFORE_WORK,
                    "out-of-warranty work needs a quote the customer accepted before work starts");
        }
        List<ServiceReport> existing = visits.reportsOf(visitId);
        if (!existing.isEmpty() && !existing.get(existing.size() - 1).signed()) {
            throw new RuleViolationException(RULE_REPORT_IMMUTABLE, "version " + existing.get(existing.size() - 1).version()
                    + " is an unsigned draft; amend it instead of starting another");
        }
        ServiceReport report = fromRequest(UUID.randomUUID(), visitId, existing.size() + 1, request, job);
        visits.insertReport(report);
        visits.log(visitId, "REPORT_V" + report.version(), existing.isEmpty() ? "draft" : "correction of a signed version",
                actor(actingTechnician), now());
        return report;
    }

    @Transactional
    public ServiceReport amend(UUID reportId, VisitRequests.Report request, UUID actingTechnician) {
        ServiceReport current = serviceReport(reportId);
        Visit visit = lockedVisit(current.visitId(), actingTechnician);
        DispatchJob job = jobs.find(visit.jobId()).orElseThrow();
        if (current.signed() || !visits.amendDraft(fromRequest(reportId, current.visitId(), current.version(), request, job))) {
            throw new RuleViolationException(RULE_REPORT_IMMUTABLE, "version " + current.version()
                    + " is signed; write a correction as a new version");
        }
        return serviceReport(reportId);
    }

    @Transactional
    public ServiceReport sign(UUID reportId, VisitRequests.Signature request) {
        ServiceReport current = serviceReport(reportId);
        lockedVisit(current.visitId(), null);
        if (!visits.sign(reportId, new ServiceReport.SignOff(request.signerName(), request.signatureRef(), now()))) {
            throw new RuleViolationException(RULE_REPORT_IMMUTABLE, "version " + current.version() + " is signed already");
        }
        return serviceReport(reportId);
    }

    /**
     * Ends the visit on its signed report: consumes the parts, computes the charge and cost, updates
     * the technician's first-time-fix record and the job, and publishes what happened.
     */
    @Transactional
    public Visit complete(UUID visitId, VisitRequests.Completion request, UUID actingTechnician) {
        if (!request.outcome().isFinal()) {
            throw new InvalidRequestException("outcome", "outcome must be COMPLETED, NEEDS_FOLLOW_UP or UNIT_TAKEN_TO_DEPOT");
        }
        if (request.outcome() == VisitStatus.UNIT_TAKEN_TO_DEPOT && request.depotAuthorisation() == null) {
            throw new InvalidRequestException("depotAuthorisation", RULE_DEPOT_AUTHORISATION
                    + ": taking a unit to a depot needs the customer's recorded written authorisation");
        }
        Instant now = now();
        Visit visit = lockedVisit(visitId, actingTechnician);
        List<ServiceReport> reports = visits.reportsOf(visitId);
        if (reports.isEmpty() || !reports.get(reports.size() - 1).signed()) {
            throw new RuleViolationException(RULE_SIGNED_REPORT, "the customer has not signed the latest report version");
        }
        ServiceReport report = reports.get(reports.size() - 1);
        DispatchJob job = jobs.findForUpdate(visit.jobId()).orElseThrow();
        if (request.outcome() == VisitStatus.UNIT_TAKEN_TO_DEPOT && (job.customerId() == null || job.serialNumber() == null)) {
            throw new RuleViolationException(RULE_DEPOT_AUTHORISATION, "the job predates customer and serial facts; "
                    + "returns-service cannot track the unit without them");
        }

        List<ConsumedPart> consumed = new ArrayList<>();
        for (ServiceReport.PartUse use : report.parts()) {
            consumed.addAll(parts.consume(visit.technicianId(), visitId, use.partNumber(), use.quantity()));
        }
        ChargeCalculator.Charge charge = charges.charge(job.entitlement() == null ? "UNKNOWN" : job.entitlement(),
                job.productCategory(), report.labourMinutes(), consumed.stream().map(p -> new ChargeCalculator.PartLine(
                        p.partNumber(), p.quantity(), p.unitCost(), p.unitPrice(), parts.prices(p.partNumber()).warrantyPart()))
                        .toList(), warrantyCovers.coveredParts(job.ticketId()));
        boolean earlierVisitEnded = visits.ofJob(job.id()).stream()
                .anyMatch(v -> !v.id().equals(visitId) && v.status().isFinal());
        boolean firstTimeFix = request.outcome() == VisitStatus.COMPLETED && !earlierVisitEnded;

        Visit completed = visit.completed(request.outcome(), firstTimeFix, now);
        visits.update(completed);
        visits.storeCharge(visitId, charge);
        visits.log(visitId, request.outcome().name(), charge.rule(), actor(actingTechnician), now);
        String faultCategory = report.faultCategory() != null ? report.faultCategory() : job.faultCategory();
        if (faultCategory != null) {
            technicians.recordFix(visit.technicianId(), faultCategory, firstTimeFix);
        }
        jobs.update(job.withStatus(request.outcome() == VisitStatus.NEEDS_FOLLOW_UP
                ? DispatchJobStatus.ASSIGNED : DispatchJobStatus.CLOSED));

        String key = visit.ticketId().toString();
        if (!consumed.isEmpty()) {
            events.publish(DispatchEvents.PARTS_CONSUMED, key, new PartsConsumed(visitId, visit.ticketId(),
                    visit.technicianId(), consumed.stream().map(p -> new PartsConsumed.ConsumedPart(p.partNumber(),
                    p.quantity(), p.location())).toList(), now));
        }
        events.publish(DispatchEvents.VISIT_COMPLETED, key, new VisitCompleted(visitId, job.id(), visit.ticketId(),
                visit.technicianId(), request.outcome().name(), report.id(), report.version(), report.cause(), report.fix(),
                faultCategory, report.faultCode(), report.fixCode(), firstTimeFix, report.labourMinutes(),
                consumed.stream().map(p -> new VisitCompleted.PartLine(p.partNumber(), p.quantity(), p.unitPrice())).toList(),
                job.entitlement(), charge.cost(), charge.charged(), charge.currency(), now, job.productId(), job.serialNumber(),
                job.model(), job.productCategory(), job.batchNumber(), job.regionCode()));
        if (request.outcome() == VisitStatus.UNIT_TAKEN_TO_DEPOT) {
            VisitRequests.DepotAuthorisation auth = request.depotAuthorisation();
            events.publish(DispatchEvents.DEPOT_REPAIR_REQUESTED, key, new DepotRepairRequested(UUID.randomUUID(),
                    visit.ticketId(), visitId, job.customerId(), job.productId(), job.serialNumber(), job.model(), job.productCategory(),
                    faultCategory, report.faultCode(), job.faultDescription(), auth.reference(), auth.authorisedBy(),
                    auth.authorisedAt(), visit.technicianId(), technicians.find(visit.technicianId())
                    .map(t -> t.partnerDepot()).orElse(null), now));
        }
        meters.counter(DispatchMetrics.VISITS_COMPLETED, "outcome", request.outcome().name(),
                "firstTimeFix", String.valueOf(firstTimeFix)).increment();
        meters.summary(DispatchMetrics.VISIT_COST, "entitlement", String.valueOf(job.entitlement()))
                .record(charge.cost().doubleValue());
        return visit(visitId);
    }

    @Transactional(readOnly = true)
    public Visit visit(UUID id) {
        return visits.find(id).orElseThrow(() -> new NotFoundException("visit", id));
    }

    @Transactional(readOnly = true)
    public VisitDetails details(UUID id) {
        return new VisitDetails(visit(id), visits.logOf(id), visits.charge(id).orElse(null));
    }

    /**
     * A technician's visits in [from, to) in window order, each with what he needs on the way: the unit, the fault,
     * where (region and coordinates; the street address stays with the customer record in ticket-service) and the
     * entitlement.
     */
    @Transactional(readOnly = true)
    public List<AgendaEntry> agenda(UUID technicianId, Instant from, Instant to) {
        return visits.ofTechnician(technicianId, from, to).stream().map(v -> {
            com.aftersales.dispatch.job.DispatchJob job = jobs.find(v.jobId()).orElseThrow();
            return new AgendaEntry(v, job.model(), job.serialNumber(), job.productCategory(), job.faultCategory(),
                    job.faultDescription(), job.regionCode(), job.location(), job.entitlement(), job.ticketPriority());
        }).toList();
    }

    /** One stop of a technician's day. */
    public record AgendaEntry(Visit visit, String model, String serialNumber, String productCategory, String faultCategory,
                              String faultDescription, String regionCode, com.aftersales.dispatch.shared.GeoPoint location,
                              String entitlement, String priority) {
    }

    /** A visit with its history and, once completed, its charge. */
    public record VisitDetails(Visit visit, List<VisitRepository.LogEntry> log, Object charge) {
    }

    @Transactional(readOnly = true)
    public List<ServiceReport> reportsOf(UUID visitId) {
        visit(visitId);
        return visits.reportsOf(visitId);
    }

    @Transactional(readOnly = true)
    public ServiceReport serviceReport(UUID id) {
        return visits.report(id).orElseThrow(() -> new NotFoundException("service report", id));
    }

    private Visit lockedVisit(UUID visitId, UUID actingTechnician) {
        Visit visit = visits.findForUpdate(visitId).orElseThrow(() -> new NotFoundException("visit", visitId));
        requireActor(visit.technicianId(), actingTechnician, "visit", visitId);
        return visit;
    }

    /**
     * A technician (from his token) acts only on his own visits; supervisors pass no technician. Someone else's answers
     * 404 like an unknown id, so ids cannot be probed.
     */
    private static void requireActor(UUID owner, UUID actingTechnician, String resource, UUID id) {
        if (actingTechnician != null && !actingTechnician.equals(owner)) {
            throw new NotFoundException(resource, id);
        }
    }

    /** The authenticated caller as the visit log names it (e.g. {@code technician:<subject>}). */
    private String actor(UUID actingTechnician) {
        return actors.find().map(Actor::label).orElse(actingTechnician == null ? "system:dispatch-service"
                : "technician:" + actingTechnician);
    }

    private static String window(Visit v) {
        return v.windowStart() + " – " + v.windowEnd();
    }

    private ServiceReport fromRequest(UUID id, UUID visitId, int version, VisitRequests.Report r, DispatchJob job) {
        // an unknown part is a 400 now rather than a surprise at completion
        r.parts().forEach(p -> parts.prices(p.partNumber()));
        return new ServiceReport(id, visitId, version, r.cause(), r.fix(),
                r.faultCategory() != null ? FaultCategories.normalise(r.faultCategory()) : job.faultCategory(), r.faultCode(), r.fixCode(),
                r.parts().stream().map(p -> new ServiceReport.PartUse(p.partNumber(), p.quantity())).toList(),
                r.labourMinutes(), r.dataBackupDone(), r.causeExplained(), r.photos() == null ? List.of() : r.photos(),
                null, now());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
