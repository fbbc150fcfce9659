package com.aftersales.ticket.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A ticket (工单) and its lifecycle rules. Plain Java: every transition is checked against
 * {@link TicketStatus} and recorded as a timeline entry with actor and reason; commands that the
 * rules refuse throw {@link IllegalTransitionException} or {@link TicketRuleViolation} naming the rule.
 */
public final class Ticket {

    /** Timeline actor of rules the service applies on its own. */
    public static final String SYSTEM = "system:ticket-service";

    private final UUID id;
    private final TicketSubject subject;
    private final TicketType type;
    private final Channel channel;
    private Priority priority;
    private String faultCategory;
    private String faultCode;
    private String faultDescription;
    private final List<Attachment> attachments;
    private final Instant openedAt;
    private final Entitlement entitlement;
    private final long version;
    private TicketStatus status;
    private Instant updatedAt;
    private String chargeBasisCommunicatedBy;
    private Instant chargeBasisCommunicatedAt;
    private EscalationTarget escalatedTo;
    private Instant closedAt;
    private int reopenCount;
    private String technicianId;
    private final List<TimelineEntry> newEntries = new ArrayList<>();

    private Ticket(Snapshot s) {
        this.id = Objects.requireNonNull(s.id());
        this.subject = Objects.requireNonNull(s.subject());
        Objects.requireNonNull(subject.customerId());
        Objects.requireNonNull(subject.serialNumber());
        Objects.requireNonNull(subject.model());
        this.type = Objects.requireNonNull(s.type());
        this.channel = Objects.requireNonNull(s.channel());
        this.priority = Objects.requireNonNull(s.priority());
        this.faultCategory = s.faultCategory();
        this.faultCode = s.faultCode();
        this.faultDescription = Objects.requireNonNull(s.faultDescription());
        this.attachments = s.attachments() == null ? List.of() : List.copyOf(s.attachments());
        this.openedAt = Objects.requireNonNull(s.openedAt());
        this.entitlement = Objects.requireNonNull(s.entitlement());
        this.version = s.version();
        this.status = Objects.requireNonNull(s.status());
        this.updatedAt = Objects.requireNonNull(s.updatedAt());
        this.chargeBasisCommunicatedBy = s.chargeBasisCommunicatedBy();
        this.chargeBasisCommunicatedAt = s.chargeBasisCommunicatedAt();
        this.escalatedTo = s.escalatedTo();
        this.closedAt = s.closedAt();
        this.reopenCount = s.reopenCount();
        this.technicianId = s.technicianId();
    }

    /**
     * Records a new request; nothing a customer reports is lost, so every request starts OPEN. The
     * entitlement (status, rule, reason) is part of the ticket itself rather than a timeline line.
     *
     * @param chargeBasisToldNow the agent told the customer the charge basis during this very call
     */
    public static Ticket open(UUID id, TicketSubject subject, TicketType type, Channel channel, Priority priority,
                              String faultCategory, String faultCode, String faultDescription, List<Attachment> attachments,
                              Entitlement entitlement, boolean chargeBasisToldNow, String actor, Instant now) {
        Ticket ticket = new Ticket(new Snapshot(id, subject, type, channel, priority, faultCategory, faultCode,
                faultDescription, attachments, now, entitlement, 0, TicketStatus.OPEN, now, null, null, null, null, 0, null));
        ticket.newEntries.add(new TimelineEntry(now, TimelineEntry.OPENED, null, TicketStatus.OPEN, actor,
                "Opened via " + channel));
        if (chargeBasisToldNow && entitlement.chargeable()) {
            ticket.recordChargeBasisCommunicated(actor, now);
        }
        return ticket;
    }

    /** Rebuilds a stored ticket. */
    public static Ticket restore(Snapshot snapshot) {
        return new Ticket(snapshot);
    }

    /**
     * Moves the ticket to {@code next} as reported by another service or a rule: only the state machine applies.
     *
     * @throws IllegalTransitionException when the lifecycle does not allow it
     */
    public void moveTo(TicketStatus next, String actor, String reason, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException(status, next);
        }
        newEntries.add(new TimelineEntry(now, TimelineEntry.STATUS_CHANGED, status, next, actor, reason));
        if (next == TicketStatus.CLOSED) {
            closedAt = now;
        }
        if (next == TicketStatus.REOPENED) {
            reopenCount++;
        }
        status = next;
        updatedAt = now;
    }

    /**
     * Moves the ticket on an agent's command: besides the state machine, chargeable work is not sent to
     * dispatch before the customer heard the charge basis ({@code charge-basis-before-dispatch}), and a
     * closed ticket reopens only within the window ({@code reopen-window}).
     */
    public void moveByAgent(TicketStatus next, String actor, String reason, Instant now, LifecycleRules rules) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException(status, next);
        }
        if (next == TicketStatus.AWAITING_TECHNICIAN && needsChargeBasis()) {
            throw new TicketRuleViolation("charge-basis-before-dispatch", "The ticket is " + entitlement.status()
                    + ": record that the customer was told the charge basis before dispatching a technician");
        }
        if (next == TicketStatus.REOPENED && status == TicketStatus.CLOSED && closedAt != null
                && now.isAfter(closedAt.plus(rules.reopenWindow()))) {
            throw new TicketRuleViolation("reopen-window", "Closed at " + closedAt + "; a ticket reopens only within "
                    + rules.reopenWindow() + " of closing: open a new ticket instead");
        }
        moveTo(next, actor, reason, now);
    }

    /** Whether dispatch must still wait for the charge basis to be communicated. */
    public boolean needsChargeBasis() {
        return entitlement.chargeable() && chargeBasisCommunicatedAt == null;
    }

    /** The customer was told what the work will cost and on what basis (收费项目必须明确告之). */
    public void recordChargeBasisCommunicated(String actor, Instant now) {
        if (chargeBasisCommunicatedAt != null) {
            throw new TicketRuleViolation("charge-basis-recorded-once", "The charge basis was already recorded by "
                    + chargeBasisCommunicatedBy + " at " + chargeBasisCommunicatedAt);
        }
        chargeBasisCommunicatedBy = actor;
        chargeBasisCommunicatedAt = now;
        updatedAt = now;
        newEntries.add(new TimelineEntry(now, TimelineEntry.CHARGE_BASIS_COMMUNICATED, null, null, actor,
                "Customer told the charge basis (" + entitlement.status() + ")"));
    }

    /** Hands the ticket to a supervisor or the manufacturer; the status does not change. */
    public void escalate(EscalationTarget target, String actor, String reason, Instant now) {
        if (status.isTerminalForWork()) {
            throw new TicketRuleViolation("escalate-open-work", "A " + status + " ticket has no open work to escalate");
        }
        escalatedTo = target;
        updatedAt = now;
        newEntries.add(new TimelineEntry(now, TimelineEntry.ESCALATED, null, null, actor, "To " + target + ": " + reason));
    }

    /** The escalation was dealt with; the ticket goes on in its status. */
    public void endEscalation(String actor, String reason, Instant now) {
        if (escalatedTo == null) {
            throw new TicketRuleViolation("escalation-open", "The ticket is not escalated");
        }
        newEntries.add(new TimelineEntry(now, TimelineEntry.ESCALATION_ENDED, null, null, actor,
                "From " + escalatedTo + ": " + reason));
        escalatedTo = null;
        updatedAt = now;
    }

    /**
     * Corrects what the agent recorded at intake; null leaves a field as it is. Records which fields
     * changed (from → to) in the timeline; returns their names (empty when nothing changed).
     */
    public List<String> amend(Priority newPriority, String newFaultCategory, String newFaultCode,
                              String newFaultDescription, String actor, Instant now) {
        List<String> changed = new ArrayList<>();
        StringBuilder detail = new StringBuilder();
        if (newPriority != null && newPriority != priority) {
            detail.append("priority ").append(priority).append(" → ").append(newPriority).append("; ");
            priority = newPriority;
            changed.add("priority");
        }
        if (newFaultCategory != null && !newFaultCategory.equals(faultCategory)) {
            detail.append("faultCategory ").append(faultCategory).append(" → ").append(newFaultCategory).append("; ");
            faultCategory = newFaultCategory;
            changed.add("faultCategory");
        }
        if (newFaultCode != null && !newFaultCode.equals(faultCode)) {
            detail.append("faultCode ").append(faultCode).append(" → ").append(newFaultCode).append("; ");
            faultCode = newFaultCode;
            changed.add("faultCode");
        }
        if (newFaultDescription != null && !newFaultDescription.equals(faultDescription)) {
            detail.append("faultDescription rewritten; ");
            faultDescription = newFaultDescription;
            changed.add("faultDescription");
        }
        if (!changed.isEmpty()) {
            updatedAt = now;
            newEntries.add(new TimelineEntry(now, TimelineEntry.AMENDED, null, null, actor,
                    detail.substring(0, detail.length() - 2)));
        }
        return changed;
    }

    /** A technician took the job (reported by dispatch). */
    public void assignTechnician(String technician) {
        this.technicianId = technician;
    }

    /** Adds a line to the timeline that does not change the ticket (e.g. a knowledge article tried). */
    public void note(String kind, String actor, String reason, Instant now) {
        newEntries.add(new TimelineEntry(now, kind, null, null, actor, reason));
    }

    /** The entry just added can also be written in the reader's language. */
    void describeLastEntry(TimelineText text) {
        if (text.key() != null && !newEntries.isEmpty()) {
            newEntries.set(newEntries.size() - 1, newEntries.get(newEntries.size() - 1).describedBy(text));
        }
    }

    /** Timeline entries added since the ticket was opened or restored, to be stored with it. */
    public List<TimelineEntry> newTimelineEntries() {
        return Collections.unmodifiableList(newEntries);
    }

    public Snapshot snapshot() {
        return new Snapshot(id, subject, type, channel, priority, faultCategory, faultCode, faultDescription, attachments,
                openedAt, entitlement, version, status, updatedAt, chargeBasisCommunicatedBy, chargeBasisCommunicatedAt,
                escalatedTo, closedAt, reopenCount, technicianId);
    }

    public UUID id() { return id; }
    public TicketSubject subject() { return subject; }
    public UUID customerId() { return subject.customerId(); }
    public String serialNumber() { return subject.serialNumber(); }
    public String model() { return subject.model(); }
    public TicketType type() { return type; }
    public Channel channel() { return channel; }
    public Priority priority() { return priority; }
    public String faultCategory() { return faultCategory; }
    public String faultCode() { return faultCode; }
    public String faultDescription() { return faultDescription; }
    public List<Attachment> attachments() { return attachments; }
    public Instant openedAt() { return openedAt; }
    public Entitlement entitlement() { return entitlement; }
    public TicketStatus status() { return status; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
    public String chargeBasisCommunicatedBy() { return chargeBasisCommunicatedBy; }
    public Instant chargeBasisCommunicatedAt() { return chargeBasisCommunicatedAt; }
    public EscalationTarget escalatedTo() { return escalatedTo; }
    public Instant closedAt() { return closedAt; }
    public int reopenCount() { return reopenCount; }
    public String technicianId() { return technicianId; }

    /** Every field of a ticket, as stored. */
    public record Snapshot(UUID id, TicketSubject subject, TicketType type, Channel channel, Priority priority,
                           String faultCategory, String faultCode, String faultDescription, List<Attachment> attachments,
                           Instant openedAt, Entitlement entitlement, long version, TicketStatus status,
                           Instant updatedAt, String chargeBasisCommunicatedBy, Instant chargeBasisCommunicatedAt,
                           EscalationTarget escalatedTo, Instant closedAt, int reopenCount, String technicianId) {
    }
}
