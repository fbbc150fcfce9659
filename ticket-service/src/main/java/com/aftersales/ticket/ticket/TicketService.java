package com.aftersales.ticket.ticket;

import com.aftersales.contracts.fault.FaultCategories;

import com.aftersales.ticket.shared.TicketMetrics;
import com.aftersales.calendar.BusinessCalendar;
import com.aftersales.contracts.ticket.TicketChargeBasisCommunicated;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.ticket.TicketAmended;
import com.aftersales.contracts.ticket.TicketOpened;
import com.aftersales.contracts.warranty.WarrantyCheck;
import com.aftersales.contracts.warranty.WarrantyTerms;
import com.aftersales.contracts.ticket.TicketStatusChanged;
import com.aftersales.platform.outbox.EventPublisher;
import com.aftersales.platform.web.ProblemException;
import com.aftersales.ticket.customer.Address;
import com.aftersales.ticket.customer.Customer;
import com.aftersales.ticket.customer.CustomerService;
import com.aftersales.ticket.knowledge.KnowledgeArticle;
import com.aftersales.ticket.knowledge.KnowledgeService;
import com.aftersales.ticket.product.ProductService;
import com.aftersales.ticket.product.RegisteredProduct;
import com.aftersales.ticket.shared.Versions;
import com.aftersales.ticket.sla.SlaClockType;
import com.aftersales.ticket.sla.SlaClockView;
import com.aftersales.ticket.sla.SlaClocks;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** Use cases on tickets. Each runs in one transaction with the events it publishes (outbox). */
@Service
public class TicketService {

    /** A report started by a store clerk (a linked return or complaint) touches only a ticket of his store. */
    public static final String RULE_LINK_IN_SCOPE = "linked-ticket-in-originator-scope";
    /** The technician's on-site fault category replaces the one given at intake. */
    public static final String RULE_DIAGNOSED_CATEGORY = "fault-category-from-diagnosis";

    private static final Logger log = LoggerFactory.getLogger(TicketService.class);
    static final String DISPATCH_ACTOR = "system:dispatch-service";
    /** Visit outcomes of {@code VisitCompleted}. */
    static final String VISIT_COMPLETED = "COMPLETED";
    static final String VISIT_UNIT_TAKEN_TO_DEPOT = "UNIT_TAKEN_TO_DEPOT";

    private final TicketRepository tickets;
    private final CustomerService customers;
    private final ProductService products;
    private final SlaClocks sla;
    private final KnowledgeService knowledge;
    private final EventPublisher events;
    private final Clock clock;
    private final BusinessCalendar calendar;
    private final TicketProperties properties;
    private final WarrantyPolicy warranty;
    private final WarrantyTerms warrantyTerms;
    private final LifecycleRules lifecycle;
    private final MeterRegistry meters;

    TicketService(TicketRepository tickets, CustomerService customers, ProductService products, SlaClocks sla,
                  KnowledgeService knowledge, EventPublisher events, Clock clock, BusinessCalendar calendar, TicketProperties properties,
                  MeterRegistry meters, WarrantyTerms warrantyTerms) {
        this.warrantyTerms = warrantyTerms;
        this.tickets = tickets;
        this.customers = customers;
        this.products = products;
        this.sla = sla;
        this.knowledge = knowledge;
        this.events = events;
        this.clock = clock;
        this.calendar = calendar;
        this.properties = properties;
        this.warranty = properties.warrantyPolicy();
        this.lifecycle = properties.lifecycleRules();
        this.meters = meters;
    }

    /**
     * What intake did with a call: opened a ticket (with the knowledge articles suggested to the caller, recorded on it),
     * or linked the call to an open one (rule, why; no suggestions).
     */
    public record Intake(Ticket ticket, RepeatCall repeatCall,
                         List<com.aftersales.ticket.knowledge.ArticleView.Suggestion> suggestions) {
    }

    /**
     * The call was linked to the open ticket on the same unit instead of opening a new one.
     *
     * @param rule   {@value RepeatCallRule#RULE}
     * @param reason in words, with how to open a new ticket anyway
     */
    public record RepeatCall(String rule, UUID openTicketId, TicketStatus openTicketStatus, String model,
                             String serialNumber, String reason) {
        RepeatCall explained(String text) {
            return new RepeatCall(rule, openTicketId, openTicketStatus, model, serialNumber, text);
        }
    }

    /**
     * Intake of a call about a registered unit: rule {@value RepeatCallRule#RULE} links a repeat call to the customer's
     * open ticket on the same unit (the call is recorded on its timeline as {@code REPEAT_CALL}); otherwise a new
     * ticket is opened. Runs inside the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Intake intake(OpenTicketRequest request, String actor, java.util.Locale locale) {
        RepeatCallRule rule = properties.repeatCallRule();
        boolean newIssue = Boolean.TRUE.equals(request.newIssue());
        if (rule.applies(request.ticketType(), newIssue)) {
            RegisteredProduct product = ownedUnit(request);
            Optional<Ticket> open = rule.linkTo(request.ticketType(), false,
                    tickets.newestOpenOnUnit(product.customerId(), product.id()));
            if (open.isPresent()) {
                Ticket existing = open.get();
                tickets.appendTimeline(existing.id(), List.of(new TimelineEntry(now(), TimelineEntry.REPEAT_CALL, null, null,
                        actor, request.channel() + " " + request.ticketType() + ": " + request.faultDescription())));
                return new Intake(existing, new RepeatCall(RepeatCallRule.RULE, existing.id(), existing.status(),
                        product.model(), product.serialNumber(), null), List.of());
            }
        }
        return open(request, actor, locale);
    }

    private RegisteredProduct ownedUnit(OpenTicketRequest request) {
        return ownedUnit(request, customers.require(request.customerId()));
    }

    private RegisteredProduct ownedUnit(OpenTicketRequest request, Customer customer) {
        RegisteredProduct product = products.findByModelAndSerial(request.model(), request.serialNumber())
                .orElseThrow(() -> ProblemException.notFound("product", request.model() + " / " + request.serialNumber()));
        if (!product.customerId().equals(customer.id())) {
            throw new ProductOwnershipException(request.model(), request.serialNumber());
        }
        return product;
    }

    /**
     * Opens a ticket for a registered customer's registered unit, decides the entitlement, starts the SLA clocks and
     * records the knowledge articles suggested to the caller (in {@code locale}); must run inside the caller's
     * transaction (the Idempotency-Key is part of it).
     */
    private Intake open(OpenTicketRequest request, String actor, java.util.Locale locale) {
        Customer customer = customers.require(request.customerId());
        RegisteredProduct product = ownedUnit(request, customer);
        // The same search as /api/knowledge-articles/search with the unit's model and category. It reads only the call
        // and the unit, so it runs before the ticket is opened: everything between the opening (its event) and the
        // commit delays the event's publication.
        List<com.aftersales.ticket.knowledge.ArticleView.Suggestion> suggestions = knowledge.suggestFor(
                request.faultDescription(), product.model(), product.category(), locale);
        Instant now = now();
        WarrantyCheck cover = warrantyTerms.check(product.category(), product.purchaseDate(), product.installationDate(),
                LocalDate.ofInstant(now, calendar.zone()));
        Entitlement entitlement = warranty.decide(cover, product.warrantyCardPresent(), product.receiptNumber());
        // Service happens at the install address when there is one, else at the customer's main address.
        Address location = product.installAddress() != null ? product.installAddress() : customer.mainAddress();
        TicketSubject subject = new TicketSubject(customer.id(), product.id(), product.serialNumber(), product.model(),
                product.category(), product.batchNumber(), product.storeCode(), customer.tier().name(),
                location == null ? null : location.regionCode(), location == null ? null : location.latitude(),
                location == null ? null : location.longitude());
        Ticket ticket = Ticket.open(UUID.randomUUID(), subject, request.ticketType(), request.channel(),
                request.priorityOrDefault(), FaultCategories.normalise(request.faultCategory()), request.faultCode(),
                request.faultDescription(),
                request.attachments() == null ? List.of()
                        : request.attachments().stream().map(OpenTicketRequest.AttachmentRequest::toAttachment).toList(),
                entitlement, Boolean.TRUE.equals(request.chargeBasisCommunicated()), actor, now);
        tickets.insert(ticket);
        SlaClocks.Started clocks = sla.start(ticket.id(), ticket.type().name(), ticket.channel().name(),
                ticket.priority().name(), subject.customerTier(), now);
        Map<SlaClockType, Instant> due = clocks.dueTimes();
        if (!due.isEmpty()) {
            tickets.appendTimeline(ticket.id(), List.of(new TimelineEntry(now, TimelineEntry.SLA_STARTED, null, null,
                    actor, clocks.description())));
        }
        events.publish(TicketEvents.TICKET_OPENED, ticket.id().toString(), new TicketOpened(ticket.id(),
                ticket.customerId(), ticket.serialNumber(), ticket.model(), ticket.type().name(), ticket.channel().name(),
                ticket.priority().name(), ticket.faultCategory(), ticket.faultDescription(), ticket.openedAt(),
                subject.productId(), subject.productCategory(), subject.batchNumber(), subject.customerTier(),
                subject.regionCode(), subject.latitude(), subject.longitude(), entitlement.status().name(),
                ticket.chargeBasisCommunicatedAt() != null, ticket.faultCode(),
                new TicketOpened.SlaDueTimes(due.get(SlaClockType.FIRST_RESPONSE), due.get(SlaClockType.ON_SITE),
                        due.get(SlaClockType.ON_SITE_TARGET), due.get(SlaClockType.RESOLUTION)),
                cover.all().stream().map(c -> new TicketOpened.WarrantyCover(c.part(), c.startDate(), c.lastDay(),
                        cover.termsVersion(), c.covers(cover.on()))).toList(), subject.storeCode()));
        if (ticket.chargeBasisCommunicatedAt() != null) {
            publishChargeBasis(ticket);
        }
        meters.counter(TicketMetrics.TICKETS_OPENED, "type", ticket.type().name(), "channel", ticket.channel().name())
                .increment();
        meters.counter(TicketMetrics.TICKETS_ENTITLEMENT, "entitlement", entitlement.status().name(), "rule",
                entitlement.rule()).increment();
        knowledge.recordShown(ticket.id(), suggestions);
        return new Intake(ticket, null, suggestions);
    }

    /** An agent moves the ticket; the state machine and the lifecycle rules apply. */
    @Transactional
    public Ticket transition(UUID id, TicketCommands.Transition command, String ifMatch, String actor) {
        return agentCommand(id, ifMatch, ticket -> {
            TicketStatus from = ticket.status();
            ticket.moveByAgent(command.status(), actor, command.reason(), now(), lifecycle);
            afterStatusChange(ticket, from, actor, command.reason());
        });
    }

    /**
     * An agent corrects priority or fault details. A new priority retargets the clocks still counting (from when
     * they started, to the new priority's targets); the change is published with the clocks' due times.
     */
    @Transactional
    public Ticket amend(UUID id, TicketCommands.Amend command, String ifMatch, String actor) {
        return agentCommand(id, ifMatch, ticket -> {
            Instant now = now();
            List<String> changed = ticket.amend(command.priority(), FaultCategories.normalise(command.faultCategory()),
                    command.faultCode(),
                    command.faultDescription(), actor, now);
            publishAmendment(ticket, changed, actor, now);
        });
    }

    /** Retargets the clocks when the priority changed and publishes {@code TicketAmended}; nothing when nothing changed. */
    private void publishAmendment(Ticket ticket, List<String> changed, String actor, Instant now) {
        if (changed.isEmpty()) {
            return;
        }
        SlaClocks.Retargeted retargeted = sla.retarget(ticket.id(), ticket.type().name(), ticket.channel().name(),
                ticket.priority().name(), ticket.subject().customerTier(), changed.contains("priority"));
        if (!retargeted.rules().isEmpty()) {
            ticket.note(TimelineEntry.SLA_RETARGETED, actor, "Priority " + ticket.priority() + ": " + retargeted.rules()
                    .entrySet().stream()
                    .map(e -> e.getKey() + " by rule " + e.getValue() + " (" + retargeted.bases().get(e.getKey())
                            + "), due " + retargeted.dueTimes().get(e.getKey()))
                    .collect(java.util.stream.Collectors.joining("; ")), now);
        }
        Map<SlaClockType, Instant> due = retargeted.dueTimes();
        events.publish(TicketEvents.TICKET_AMENDED, ticket.id().toString(), new TicketAmended(ticket.id(), changed,
                ticket.priority().name(), ticket.faultCategory(), ticket.faultCode(), ticket.faultDescription(),
                new TicketOpened.SlaDueTimes(due.get(SlaClockType.FIRST_RESPONSE), due.get(SlaClockType.ON_SITE),
                        due.get(SlaClockType.ON_SITE_TARGET), due.get(SlaClockType.RESOLUTION)),
                List.copyOf(retargeted.rules().values()), actor, now));
    }

    /** The agent told the customer the charge basis: chargeable work may now be dispatched. */
    @Transactional
    public Ticket chargeBasisCommunicated(UUID id, TicketCommands.ChargeBasis command, String ifMatch, String actor) {
        return agentCommand(id, ifMatch, ticket -> {
            ticket.recordChargeBasisCommunicated(actor, now());
            if (command.note() != null && !command.note().isBlank()) {
                ticket.note(TimelineEntry.CHARGE_BASIS_COMMUNICATED, actor, command.note(), now());
            }
            publishChargeBasis(ticket);
            meters.counter(TicketMetrics.TICKETS_CHARGE_BASIS_COMMUNICATED).increment();
        });
    }

    @Transactional
    public Ticket escalate(UUID id, TicketCommands.Escalate command, String ifMatch, String actor) {
        return agentCommand(id, ifMatch, ticket -> {
            ticket.escalate(command.target(), actor, command.reason(), now());
            meters.counter(TicketMetrics.TICKETS_ESCALATED, "target", command.target().name()).increment();
        });
    }

    @Transactional
    public Ticket endEscalation(UUID id, TicketCommands.EndEscalation command, String ifMatch, String actor) {
        return agentCommand(id, ifMatch, ticket -> ticket.endEscalation(actor, command.reason(), now()));
    }

    /**
     * The agent reports whether a suggested article solved the problem. The outcome counts towards the
     * article's success rate; when it solved it and the ticket may still be resolved remotely, it is
     * (rule {@code resolved-by-knowledge-article}).
     */
    @Transactional
    public Ticket knowledgeOutcome(UUID id, TicketCommands.KnowledgeOutcome command, String ifMatch, String actor) {
        return agentCommand(id, ifMatch, ticket -> {
            KnowledgeArticle article = knowledge.recordOutcome(command.articleId(), id, command.solved(), actor);
            String reason = "Knowledge article \"" + article.title() + "\" " + (command.solved() ? "solved" : "did not solve")
                    + " the problem" + (command.note() == null || command.note().isBlank() ? "" : ": " + command.note());
            ticket.note(TimelineEntry.KNOWLEDGE_OUTCOME, actor, reason, now());
            if (command.solved() && ticket.status().canMoveTo(TicketStatus.RESOLVED_REMOTELY)) {
                TicketStatus from = ticket.status();
                String resolution = "resolved-by-knowledge-article: " + article.id();
                ticket.moveTo(TicketStatus.RESOLVED_REMOTELY, actor, resolution, now());
                afterStatusChange(ticket, from, actor, resolution);
            }
        });
    }

    /** Knowledge articles that may fix this ticket's fault. */
    @Transactional(readOnly = true)
    public List<com.aftersales.ticket.knowledge.ArticleView.Suggestion> suggestions(UUID id, java.util.Locale locale) {
        Ticket ticket = tickets.find(id).orElseThrow(() -> ProblemException.notFound("ticket", id));
        return knowledge.suggestFor(ticket.faultDescription(), ticket.model(), ticket.subject().productCategory(), locale);
    }

    /**
     * A visit ended. Completed visits resolve the ticket and propose their cause and fix as a draft
     * knowledge article for review; a unit taken to a depot puts the ticket in depot repair.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void visitCompleted(UUID ticketId, String outcome, String cause, String fix, String faultCategory, String faultCode,
                               boolean firstTimeFix) {
        TicketStatus target = switch (outcome) {
            case VISIT_COMPLETED -> TicketStatus.RESOLVED;
            case VISIT_UNIT_TAKEN_TO_DEPOT -> TicketStatus.IN_DEPOT_REPAIR;
            default -> null;
        };
        followDispatch(ticketId, target, TimelineText.of("Visit completed (" + outcome + "): cause " + cause + "; fix " + fix
                + (firstTimeFix ? "; first-time fix" : ""), firstTimeFix ? "timeline.visit-completed-first-time"
                : "timeline.visit-completed", outcome, cause, fix), ticket -> adoptDiagnosedCategory(ticket, faultCategory));
        if (VISIT_COMPLETED.equals(outcome) && fix != null && !fix.isBlank()) {
            Ticket ticket = tickets.find(ticketId).orElseThrow();
            knowledge.proposeFromVisit(ticketId, ticket.model(), ticket.subject().productCategory() == null
                            ? "UNCATEGORISED" : ticket.subject().productCategory(),
                    faultCode != null ? faultCode : ticket.faultCode(), ticket.faultDescription(), cause, fix,
                    properties.knowledgeProposalLanguage());
        }
    }

    /**
     * Rule {@value #RULE_DIAGNOSED_CATEGORY}: the fault category the technician found on site is the ticket's from now
     * on (the caller's description at intake was a guess). Recorded as an amendment in the timeline and published as
     * {@code TicketAmended}, so every service that keeps the category follows the one owner. Another spelling of the
     * same category ({@link FaultCategories#normalise}) is not a correction.
     */
    private void adoptDiagnosedCategory(Ticket ticket, String diagnosed) {
        String category = FaultCategories.normalise(diagnosed);
        if (category == null || category.equals(FaultCategories.normalise(ticket.faultCategory()))) {
            return;
        }
        Instant now = now();
        List<String> changed = ticket.amend(null, category, null, null,
                DISPATCH_ACTOR + " (technician's diagnosis, rule " + RULE_DIAGNOSED_CATEGORY + ")", now);
        publishAmendment(ticket, changed, DISPATCH_ACTOR, now);
        meters.counter(TicketMetrics.FAULT_CATEGORY_DIAGNOSED).increment();
    }

    private Ticket agentCommand(UUID id, String ifMatch, Consumer<Ticket> command) {
        Ticket ticket = tickets.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("ticket", id));
        Versions.checkIfMatch(ifMatch, ticket.version(), "ticket " + id);
        command.accept(ticket);
        tickets.update(ticket);
        // Any agent action on the ticket is the first response to the customer.
        sla.stop(id, EnumSet.of(SlaClockType.FIRST_RESPONSE), now());
        return tickets.find(id).orElseThrow();
    }

    /**
     * Another service reports progress: follows it when the lifecycle allows, otherwise records the report
     * in the timeline (tolerates redelivery and reordering; never fails the event).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void followDispatch(UUID ticketId, TicketStatus target, String reason, Consumer<Ticket> alsoDo) {
        followDispatch(ticketId, target, TimelineText.plain(reason), alsoDo);
    }

    /** As {@link #followDispatch(UUID, TicketStatus, String, Consumer)}, the entry also writable in the reader's language. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void followDispatch(UUID ticketId, TicketStatus target, TimelineText reason, Consumer<Ticket> alsoDo) {
        Ticket ticket = tickets.findForUpdate(ticketId)
                .orElseThrow(() -> new IllegalStateException("dispatch reported on unknown ticket " + ticketId));
        follow(ticket, DISPATCH_ACTOR, target, reason, alsoDo);
    }

    /**
     * returns-service or feedback-service reported on a ticket: recorded in its timeline, and followed when
     * the lifecycle allows. Reports on tickets this service does not know (e.g. opened elsewhere) are skipped.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void followReport(UUID ticketId, String actor, TicketStatus target, String reason) {
        followReport(ticketId, null, actor, target, TimelineText.plain(reason));
    }

    /** As {@link #followReport(UUID, String, TicketStatus, String)}, the entry also writable in the reader's language. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void followReport(UUID ticketId, String actor, TicketStatus target, TimelineText reason) {
        followReport(ticketId, null, actor, target, reason);
    }

    /**
     * As {@link #followReport(UUID, String, TicketStatus, TimelineText)} for a report that a store clerk started (a
     * return or complaint he linked to the ticket): rule {@value #RULE_LINK_IN_SCOPE}, the ticket must be of his store,
     * as his reads are; otherwise the report does not touch it (the originating service checks this first; this is the
     * second line).
     *
     * @param originatorStore the store scope of the clerk who linked the ticket, null when an unscoped role did
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void followReport(UUID ticketId, String originatorStore, String actor, TicketStatus target, TimelineText reason) {
        tickets.findForUpdate(ticketId).ifPresentOrElse(ticket -> {
            if (originatorStore != null && !originatorStore.equals(ticket.subject().storeCode())) {
                log.warn("{} reported on ticket {} for store {}, which is not the ticket's store; skipped by rule {}",
                        actor, ticketId, originatorStore, RULE_LINK_IN_SCOPE);
                meters.counter(TicketMetrics.REPORTS_OUT_OF_SCOPE, "source", actor).increment();
                return;
            }
            follow(ticket, actor, target, reason, null);
        }, () -> log.info("{} reported on unknown ticket {}; skipped", actor, ticketId));
    }

    private void follow(Ticket ticket, String actor, TicketStatus target, TimelineText text, Consumer<Ticket> alsoDo) {
        String reason = text.english();
        if (alsoDo != null) {
            alsoDo.accept(ticket);
        }
        if (target == null || ticket.status() == target || !ticket.status().canMoveTo(target)) {
            if (target != null && ticket.status() != target) {
                log.info("Ticket {} is {}; report of {} does not move it to {}", ticket.id(), ticket.status(), actor, target);
            }
            ticket.note(TimelineEntry.REPORT, actor, reason, now());
            ticket.describeLastEntry(text);
            tickets.update(ticket);
            return;
        }
        TicketStatus from = ticket.status();
        ticket.moveTo(target, actor, reason, now());
        ticket.describeLastEntry(text);
        tickets.update(ticket);
        afterStatusChange(ticket, from, actor, reason);
    }

    /** dispatch-service queued a visit for the ticket. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void dispatchJobQueued(UUID ticketId, UUID jobId) {
        followDispatch(ticketId, TicketStatus.AWAITING_TECHNICIAN, TimelineText.of(
                "Dispatch job " + jobId + " queued for technician assignment", "timeline.job-queued", jobId), null);
    }

    /** Closes resolved tickets whose customer did not reply within the configured time. */
    @Transactional
    public int autoClose(int limit) {
        Instant now = now();
        int closed = 0;
        for (UUID id : tickets.resolvedBefore(now.minus(lifecycle.autoCloseAfter()), limit)) {
            Ticket ticket = tickets.findForUpdate(id).orElseThrow();
            if (!ticket.status().canMoveTo(TicketStatus.CLOSED)) {
                continue;
            }
            String reason = "auto-close: no reply from the customer within " + lifecycle.autoCloseAfter() + " of resolution";
            TicketStatus from = ticket.status();
            ticket.moveTo(TicketStatus.CLOSED, Ticket.SYSTEM, reason, now);
            tickets.update(ticket);
            afterStatusChange(ticket, from, Ticket.SYSTEM, reason);
            closed++;
        }
        return closed;
    }

    @Transactional(readOnly = true)
    public TicketDetails details(UUID id) {
        Ticket ticket = tickets.find(id).orElseThrow(() -> ProblemException.notFound("ticket", id));
        return new TicketDetails(ticket, tickets.timeline(id), sla.views(id), knowledge.shown(id));
    }

    @Transactional(readOnly = true)
    public List<Ticket> search(TicketFilter filter, TicketFilter.Cursor after, int limit) {
        return tickets.search(filter, after, limit, clock.instant());
    }

    /** Microseconds: what PostgreSQL keeps, so that a response and a later read agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void afterStatusChange(Ticket ticket, TicketStatus from, String actor, String reason) {
        TicketStatus to = ticket.status();
        Instant now = ticket.updatedAt();
        Set<TicketStatus> pausing = properties.slaPauseStatuses() == null ? Set.of() : properties.slaPauseStatuses();
        if (pausing.contains(from) && !pausing.contains(to)) {
            sla.resume(ticket.id(), now);
        }
        if (pausing.contains(to) && !pausing.contains(from)) {
            sla.pause(ticket.id(), now);
        }
        if (to == TicketStatus.REOPENED) {
            // A repeat repair: the visit and resolution promises start again.
            sla.restart(ticket.id(), EnumSet.of(SlaClockType.ON_SITE, SlaClockType.ON_SITE_TARGET, SlaClockType.RESOLUTION), now);
        }
        Set<SlaClockType> reached = EnumSet.noneOf(SlaClockType.class);
        if (to == TicketStatus.ON_SITE) {
            reached.addAll(EnumSet.of(SlaClockType.ON_SITE, SlaClockType.ON_SITE_TARGET));
        }
        if (to == TicketStatus.RESOLVED || to == TicketStatus.RESOLVED_REMOTELY) {
            reached.addAll(EnumSet.allOf(SlaClockType.class));
        }
        if (!reached.isEmpty()) {
            sla.stop(ticket.id(), reached, now);
        }
        events.publish(TicketEvents.TICKET_STATUS_CHANGED, ticket.id().toString(), new TicketStatusChanged(
                ticket.id(), from.name(), to.name(), actor, reason, now));
        meters.counter(TicketMetrics.TICKETS_TRANSITIONS, "to", to.name()).increment();
        if (to == TicketStatus.CLOSED) {
            meters.counter(TicketMetrics.TICKETS_CLOSED, "type", ticket.type().name(), "channel", ticket.channel().name())
                    .increment();
        }
    }

    private void publishChargeBasis(Ticket ticket) {
        events.publish(TicketEvents.TICKET_CHARGE_BASIS_COMMUNICATED, ticket.id().toString(),
                new TicketChargeBasisCommunicated(ticket.id(), ticket.chargeBasisCommunicatedBy(),
                        ticket.chargeBasisCommunicatedAt()));
    }

    /** A ticket with its timeline and SLA clocks, as read for the API. */
    public record TicketDetails(Ticket ticket, List<TimelineEntry> timeline, List<SlaClockView> sla,
                                List<com.aftersales.ticket.knowledge.ShownArticle> shownArticles) {
    }
}
