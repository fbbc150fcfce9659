package com.aftersales.feedback.complaint;

import com.aftersales.platform.metrics.CachedGauges;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import com.aftersales.feedback.shared.FeedbackMetrics;
import com.aftersales.calendar.BusinessCalendar;
import com.aftersales.contracts.feedback.ComplaintEscalated;
import com.aftersales.contracts.feedback.ComplaintOpened;
import com.aftersales.contracts.feedback.ComplaintResolved;
import com.aftersales.contracts.feedback.FeedbackEvents;
import com.aftersales.domain.error.NotFoundException;
import com.aftersales.feedback.shared.StateConflictException;
import com.aftersales.platform.outbox.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Opens complaints (from a customer or from the low-score rule) and moves them through the workflow. */
@Service
public class ComplaintService {

    public static final String ORIGIN_CUSTOMER = "CUSTOMER";
    public static final String ORIGIN_LOW_SURVEY_SCORE = "LOW_SURVEY_SCORE";
    static final String SYSTEM = "system:feedback-service";

    private final ComplaintRepository complaints;
    private final ComplaintProperties properties;
    private final BusinessCalendar calendar;
    private final EventPublisher events;
    private final Clock clock;
    private final MeterRegistry meters;

    ComplaintService(ComplaintRepository complaints, ComplaintProperties properties, BusinessCalendar calendar,
                     EventPublisher events, Clock clock, MeterRegistry meters, CachedGauges gauges) {
        this.complaints = complaints;
        this.properties = properties;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
        gauges.register(FeedbackMetrics.COMPLAINTS_OPEN, "Complaints not closed yet, by severity", () -> {
            Map<Tags, Long> values = new HashMap<>();
            for (Severity severity : Severity.values()) {
                values.put(Tags.of("severity", severity.name()), complaints.countOpen(severity));
            }
            return values;
        });
    }

    /** What a new complaint says. */
    public record NewComplaint(UUID customerId, UUID ticketId, ComplaintChannel channel, AboutType aboutType, String aboutRef,
                               Severity severity, String description, String recordedBy, String openedByStore) {

        public NewComplaint(UUID customerId, UUID ticketId, ComplaintChannel channel, AboutType aboutType, String aboutRef,
                            Severity severity, String description, String recordedBy) {
            this(customerId, ticketId, channel, aboutType, aboutRef, severity, description, recordedBy, null);
        }
    }

    @Transactional
    public Complaint open(NewComplaint request) {
        Complaint complaint = create(request, ORIGIN_CUSTOMER, null);
        complaints.insert(complaint);
        recordOpened(complaint, request.recordedBy(), "recorded from " + request.channel(), request.openedByStore());
        return complaint;
    }

    /**
     * The low-score rule: opens (once per survey) a complaint about the ticket. Runs in the caller's
     * transaction so the survey answer and the complaint commit together.
     */
    @Transactional
    public Complaint openForLowScore(UUID surveyId, UUID customerId, UUID ticketId, String explanation) {
        Optional<Complaint> existing = complaints.bySurvey(surveyId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Complaint complaint = create(new NewComplaint(customerId, ticketId, ComplaintChannel.SURVEY, AboutType.TICKET,
                ticketId == null ? null : ticketId.toString(), properties.lowScoreSeverity(), explanation, SYSTEM),
                ORIGIN_LOW_SURVEY_SCORE, surveyId);
        if (!complaints.insert(complaint)) {
            return complaints.bySurvey(surveyId).orElseThrow();
        }
        recordOpened(complaint, SYSTEM, explanation, null);
        return complaint;
    }

    private Complaint create(NewComplaint r, String origin, UUID surveyId) {
        Instant now = clock.instant();
        // CP-SLA-ACK / CP-SLA-RESOLVE: the clocks run on business hours, per severity.
        Instant acknowledgeDue = calendar.addBusinessTime(now, properties.acknowledgeWithin().get(r.severity()));
        Instant resolveDue = calendar.addBusinessTime(now, properties.resolveWithin().get(r.severity()));
        return Complaint.open(r.customerId(), r.ticketId(), r.channel(), r.aboutType(), r.aboutRef(), r.severity(),
                r.description(), origin, surveyId, now, acknowledgeDue, resolveDue);
    }

    private void recordOpened(Complaint c, String by, String note, String openedByStore) {
        complaints.step(c.id(), ComplaintStatus.OPEN, c.openedAt(), by, note, Map.of(
                "acknowledgeDueAt", c.acknowledgeDueAt().toString(), "resolveDueAt", c.resolveDueAt().toString()));
        events.publish(FeedbackEvents.COMPLAINT_OPENED, c.id().toString(), new ComplaintOpened(c.id(), c.customerId(),
                c.ticketId(), c.channel().name(), c.aboutType().name(), c.aboutRef(), c.severity().name(), c.origin(),
                c.surveyId(), c.openedAt(), openedByStore));
        meters.counter(FeedbackMetrics.COMPLAINTS_OPENED, "severity", c.severity().name(), "origin", c.origin()).increment();
    }

    @Transactional
    public Complaint apply(UUID id, ComplaintStep step, Long expectedVersion) {
        Complaint complaint = get(id);
        if (expectedVersion != null && expectedVersion != complaint.version()) {
            throw concurrentModification(id);
        }
        Instant now = clock.instant();
        ComplaintStatus from = complaint.apply(step, now);
        if (!complaints.update(complaint)) {
            throw concurrentModification(id);
        }
        complaints.step(id, step.to(), now, step.by(), step.note(), details(step));
        switch (step.to()) {
            case ESCALATED -> events.publish(FeedbackEvents.COMPLAINT_ESCALATED, id.toString(), new ComplaintEscalated(id,
                    complaint.customerId(), from.name(), complaint.severity().name(), step.reason(), step.by(), now));
            case RESOLVED -> events.publish(FeedbackEvents.COMPLAINT_RESOLVED, id.toString(), new ComplaintResolved(id,
                    complaint.customerId(), complaint.aboutType().name(), complaint.aboutRef(), complaint.severity().name(),
                    complaint.resolution(), complaint.compensation(), complaint.currency() == null ? properties.defaultCurrency()
                    : complaint.currency(), step.by(), now));
            default -> {
            }
        }
        meters.counter(FeedbackMetrics.COMPLAINTS_TRANSITIONS, "to", step.to().name()).increment();
        return complaint;
    }

    /**
     * Slow handling creates a second complaint, so the SLA rules escalate automatically, once per complaint, with
     * the rule and the numbers in the reason: CP-SLA-ACK-BREACH when it is still not acknowledged after its
     * acknowledge-by time, CP-SLA-BREACH when it is still being handled after its resolve-by time (both business
     * hours, per severity).
     *
     * @return the complaints escalated
     */
    @Transactional
    public List<UUID> escalateOverdue(int limit) {
        Instant now = clock.instant();
        List<UUID> escalated = complaints.overdue(now, limit);
        for (UUID id : escalated) {
            Complaint c = get(id);
            boolean unacknowledged = c.status() == ComplaintStatus.OPEN && now.isAfter(c.acknowledgeDueAt());
            String reason = unacknowledged
                    ? "CP-SLA-ACK-BREACH: not acknowledged by " + c.acknowledgeDueAt() + " ("
                    + properties.acknowledgeWithin().get(c.severity()) + " business time for " + c.severity() + ")"
                    : "CP-SLA-BREACH: not resolved by " + c.resolveDueAt() + " ("
                    + properties.resolveWithin().get(c.severity()) + " business time for " + c.severity() + ")";
            apply(id, new ComplaintStep(ComplaintStatus.ESCALATED, SYSTEM, reason, null, null, null, null, null, null,
                    reason, null), null);
            complaints.markSlaEscalated(id, now);
            meters.counter(FeedbackMetrics.COMPLAINTS_SLA_BREACHED, "severity", c.severity().name(),
                    "clock", unacknowledged ? "acknowledge" : "resolve").increment();
        }
        return escalated;
    }

    private static Map<String, Object> details(ComplaintStep s) {
        Map<String, Object> details = new LinkedHashMap<>();
        putIfPresent(details, "facts", s.facts());
        putIfPresent(details, "customerRequest", s.customerRequest());
        putIfPresent(details, "offer", s.offer());
        putIfPresent(details, "compensation", s.compensation() == null ? null : s.compensation().toPlainString());
        putIfPresent(details, "currency", s.currency());
        putIfPresent(details, "resolution", s.resolution());
        putIfPresent(details, "reason", s.reason());
        putIfPresent(details, "customerAccepted", s.customerAccepted());
        return details;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static StateConflictException concurrentModification(UUID id) {
        return new StateConflictException("concurrent-modification", 409, "Someone else changed this resource first",
                "Complaint " + id + " was changed by someone else; read it again", Map.of(), "detail.concurrent-modification");
    }

    public Complaint get(UUID id) {
        return complaints.find(id).orElseThrow(() -> new NotFoundException("complaint", id));
    }

    List<ComplaintRepository.StepView> steps(UUID id) {
        return complaints.steps(id);
    }

    List<Complaint> search(ComplaintStatus status, Severity severity, AboutType aboutType, String aboutRef, UUID customerId,
                           Instant afterOpenedAt, UUID afterId, int limit) {
        return complaints.search(status, severity, aboutType, aboutRef, customerId, afterOpenedAt, afterId, limit);
    }
}
