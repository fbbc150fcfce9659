package com.aftersales.feedback.complaint;

import com.aftersales.domain.error.InvalidFieldException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A complaint and its handling state. Plain Java: the workflow rules live here, persistence elsewhere. */
public class Complaint {

    private final UUID id;
    private final UUID customerId;
    private final UUID ticketId;
    private final ComplaintChannel channel;
    private final AboutType aboutType;
    private final String aboutRef;
    private final Severity severity;
    private final String description;
    private final String origin;
    private final UUID surveyId;
    private final Instant openedAt;
    private final Instant acknowledgeDueAt;
    private final Instant resolveDueAt;
    private ComplaintStatus status;
    private String customerRequest;
    private String offer;
    private BigDecimal compensation;
    private String currency;
    private String resolution;
    private Instant statusChangedAt;
    private long version;

    Complaint(UUID id, UUID customerId, UUID ticketId, ComplaintChannel channel, AboutType aboutType, String aboutRef,
              Severity severity, String description, String origin, UUID surveyId, Instant openedAt,
              Instant acknowledgeDueAt, Instant resolveDueAt, ComplaintStatus status, String customerRequest,
              String offer, BigDecimal compensation, String currency, String resolution, Instant statusChangedAt,
              long version) {
        this.id = id;
        this.customerId = customerId;
        this.ticketId = ticketId;
        this.channel = channel;
        this.aboutType = aboutType;
        this.aboutRef = aboutRef;
        this.severity = severity;
        this.description = description;
        this.origin = origin;
        this.surveyId = surveyId;
        this.openedAt = openedAt;
        this.acknowledgeDueAt = acknowledgeDueAt;
        this.resolveDueAt = resolveDueAt;
        this.status = status;
        this.customerRequest = customerRequest;
        this.offer = offer;
        this.compensation = compensation;
        this.currency = currency;
        this.resolution = resolution;
        this.statusChangedAt = statusChangedAt;
        this.version = version;
    }

    static Complaint open(UUID customerId, UUID ticketId, ComplaintChannel channel, AboutType aboutType, String aboutRef,
                          Severity severity, String description, String origin, UUID surveyId, Instant now,
                          Instant acknowledgeDueAt, Instant resolveDueAt) {
        // Staff-attitude complaints are recorded against the person: without one there is nobody to investigate.
        if (aboutType == AboutType.STAFF_ATTITUDE && (aboutRef == null || aboutRef.isBlank())) {
            throw InvalidFieldException.withKey("aboutRef", "feedback.complaint.staff-required");
        }
        return new Complaint(UUID.randomUUID(), customerId, ticketId, channel, aboutType, aboutRef, severity, description,
                origin, surveyId, now, acknowledgeDueAt, resolveDueAt, ComplaintStatus.OPEN, null, null, BigDecimal.ZERO,
                null, null, now, 0);
    }

    /** Moves the complaint on; checks the transition and the fields the target status needs. */
    ComplaintStatus apply(ComplaintStep step, Instant now) {
        ComplaintStatus from = status;
        if (!status.next().contains(step.to())) {
            throw new IllegalComplaintTransitionException(status, step.to());
        }
        switch (step.to()) {
            case INVESTIGATING -> require("facts", step.facts());
            case PROPOSED -> {
                require("customerRequest", step.customerRequest());
                require("offer", step.offer());
                BigDecimal amount = step.compensation() == null ? BigDecimal.ZERO : step.compensation();
                if (amount.signum() > 0) {
                    require("currency", step.currency());
                }
                customerRequest = step.customerRequest();
                offer = step.offer();
                compensation = amount;
                currency = step.currency();
            }
            case RESOLVED -> {
                require("resolution", step.resolution());
                resolution = step.resolution();
            }
            case ESCALATED -> require("reason", step.reason());
            case CLOSED -> {
                if (!Boolean.TRUE.equals(step.customerAccepted())) {
                    throw InvalidFieldException.withKey("customerAccepted", "feedback.complaint.acceptance-required");
                }
            }
            default -> {
            }
        }
        status = step.to();
        statusChangedAt = now;
        return from;
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidFieldException.withKey(field, "feedback.complaint.required-for-step");
        }
    }

    void versionIncremented() {
        version++;
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public UUID ticketId() {
        return ticketId;
    }

    public ComplaintChannel channel() {
        return channel;
    }

    public AboutType aboutType() {
        return aboutType;
    }

    public String aboutRef() {
        return aboutRef;
    }

    public Severity severity() {
        return severity;
    }

    public String description() {
        return description;
    }

    public String origin() {
        return origin;
    }

    public UUID surveyId() {
        return surveyId;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant acknowledgeDueAt() {
        return acknowledgeDueAt;
    }

    public Instant resolveDueAt() {
        return resolveDueAt;
    }

    public ComplaintStatus status() {
        return status;
    }

    public String customerRequest() {
        return customerRequest;
    }

    public String offer() {
        return offer;
    }

    public BigDecimal compensation() {
        return compensation;
    }

    public String currency() {
        return currency;
    }

    public String resolution() {
        return resolution;
    }

    public Instant statusChangedAt() {
        return statusChangedAt;
    }

    public long version() {
        return version;
    }
}
