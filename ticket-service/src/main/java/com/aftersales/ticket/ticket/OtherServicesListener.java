package com.aftersales.ticket.ticket;

import com.aftersales.contracts.Topics;
import com.aftersales.contracts.feedback.ComplaintOpened;
import com.aftersales.contracts.feedback.FeedbackEvents;
import com.aftersales.contracts.feedback.NotificationFailed;
import com.aftersales.contracts.feedback.NotificationSent;
import com.aftersales.contracts.feedback.SurveyAnswered;
import com.aftersales.contracts.returns.DepotRepairPromiseAtRisk;
import com.aftersales.contracts.returns.DepotRepairStatusChanged;
import com.aftersales.contracts.returns.ReturnDecided;
import com.aftersales.contracts.returns.ReturnRequested;
import com.aftersales.contracts.returns.ReturnStatusChanged;
import com.aftersales.contracts.returns.ReturnsEvents;
import com.aftersales.platform.inbox.EventHandlers;
import com.aftersales.platform.inbox.InboundEventProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Merges what returns-service and feedback-service report about a ticket into its timeline: return decisions
 * and moves (the customer getting the remedy resolves a ticket not in a visit flow), depot repair progress (a unit
 * shipped back resolves the ticket), survey answers, complaints and customer notices sent or failed. Events without a
 * ticket id, and event types not listed, are skipped.
 */
@Component
class OtherServicesListener {

    static final String RETURNS_ACTOR = "system:returns-service";
    static final String FEEDBACK_ACTOR = "system:feedback-service";
    /** The depot status after which the unit is back with the customer. */
    static final String SHIPPED_BACK = "SHIPPED_BACK";
    static final String RULE_RETURN_OUTCOME = "return-outcome-resolves-ticket";
    /** Return statuses in which the customer has the remedy (refund, replacement, the repaired unit). */
    static final java.util.Set<String> RETURN_OUTCOMES = java.util.Set.of("REFUNDED", "EXCHANGE_SHIPPED", "COLLECTED",
            "SHIPPED_BACK");

    private final InboundEventProcessor inbound;
    private final EventHandlers returns;
    private final EventHandlers feedback;

    OtherServicesListener(InboundEventProcessor inbound, TicketService tickets) {
        this.inbound = inbound;
        this.returns = EventHandlers.builder()
                .on(ReturnsEvents.DEPOT_REPAIR_STATUS_CHANGED, event -> {
                    DepotRepairStatusChanged d = event.data();
                    if (d.ticketId() == null) {
                        return;
                    }
                    tickets.followReport(d.ticketId(), RETURNS_ACTOR,
                            SHIPPED_BACK.equals(d.status()) ? TicketStatus.RESOLVED : null, TimelineText.of(
                            "Depot repair " + d.status() + (d.depotCode() == null ? "" : " at " + d.depotCode())
                                    + (d.promisedBy() == null ? "" : ", promised by " + d.promisedBy())
                                    + (d.note() == null || d.note().isBlank() ? "" : ": " + d.note()),
                            "timeline.depot-repair", d.status(), d.depotCode(), d.promisedBy()));
                })
                .on(ReturnsEvents.DEPOT_REPAIR_PROMISE_AT_RISK, event -> {
                    DepotRepairPromiseAtRisk r = event.data();
                    if (r.ticketId() == null) {
                        return;
                    }
                    // The agent who takes the customer's next call sees the delay before the customer mentions it.
                    tickets.followReport(r.ticketId(), RETURNS_ACTOR, null, TimelineText.of("Depot repair at "
                            + r.depotCode() + " will probably miss its promised date " + r.promisedBy() + " (" + r.status()
                            + "; days left: " + r.daysLeft() + "); the customer is told in advance",
                            "timeline.depot-repair-at-risk", r.depotCode(), r.promisedBy(), r.status(), r.daysLeft()));
                })
                .on(ReturnsEvents.RETURN_REQUESTED, event -> {
                    ReturnRequested r = event.data();
                    if (r.ticketId() == null || r.requestDateOverride() == null) {
                        return;
                    }
                    // Only a supervisor's request date joins the timeline; the decision that follows says the rest.
                    ReturnRequested.RequestDateOverride o = r.requestDateOverride();
                    tickets.followReport(r.ticketId(), r.requestedByStore(), RETURNS_ACTOR, null, TimelineText.plain("Return "
                            + r.returnId() + " dated " + r.requestDate() + " (today at the store: " + o.storeToday() + ") by "
                            + o.supervisor() + ": " + o.reason()));
                })
                .on(ReturnsEvents.RETURN_DECIDED, event -> {
                    ReturnDecided d = event.data();
                    if (d.ticketId() == null) {
                        return;
                    }
                    tickets.followReport(d.ticketId(), d.requestedByStore(), RETURNS_ACTOR, null, TimelineText.of("Return "
                            + d.returnId() + " " + d.status() + ": " + d.remedy() + " by rule " + d.decidingRule() + " (policy "
                            + d.policyVersion() + ")"
                            + (d.override() == null ? "" : ", overridden by " + d.override().supervisor() + ": "
                            + d.override().reason()), "timeline.return-decided", d.returnId(), d.status(), d.remedy(),
                            d.decidingRule(), d.policyVersion()));
                })
                .on(ReturnsEvents.RETURN_STATUS_CHANGED, event -> {
                    ReturnStatusChanged c = event.data();
                    if (c.ticketId() == null) {
                        return;
                    }
                    // Rule return-outcome-resolves-ticket: the customer has the remedy, so a ticket not in a visit
                    // or depot flow is resolved without one (depot repairs resolve through their own events).
                    tickets.followReport(c.ticketId(), c.requestedByStore(), RETURNS_ACTOR,
                            RETURN_OUTCOMES.contains(c.toStatus()) ? TicketStatus.RESOLVED_REMOTELY : null, TimelineText.of(
                            "Return " + c.returnId() + " " + c.fromStatus() + " → " + c.toStatus() + " (" + c.remedy() + ")"
                                    + (RETURN_OUTCOMES.contains(c.toStatus()) ? "; rule " + RULE_RETURN_OUTCOME : ""),
                            "timeline.return-moved", c.returnId(), c.fromStatus(), c.toStatus(), c.remedy()));
                })
                .build();
        this.feedback = EventHandlers.builder()
                .on(FeedbackEvents.SURVEY_ANSWERED, event -> {
                    SurveyAnswered s = event.data();
                    if (s.ticketId() == null) {
                        return;
                    }
                    tickets.followReport(s.ticketId(), FEEDBACK_ACTOR, null, TimelineText.of("Survey answered (" + s.channel()
                            + "): CSAT " + (s.csat() == null ? "–" : s.csat()) + ", NPS " + (s.nps() == null ? "–" : s.nps())
                            + (s.lowScore() ? "; low score, follow-up opened" : ""),
                            s.lowScore() ? "timeline.survey-answered-low" : "timeline.survey-answered", s.channel(), s.csat(), s.nps()));
                })
                .on(FeedbackEvents.COMPLAINT_OPENED, event -> {
                    ComplaintOpened c = event.data();
                    if (c.ticketId() == null) {
                        return;
                    }
                    tickets.followReport(c.ticketId(), c.openedByStore(), FEEDBACK_ACTOR, null, TimelineText.of("Complaint opened (" + c.severity()
                            + ", about " + c.aboutType() + ", via " + c.channel() + ")", "timeline.complaint-opened", c.severity(),
                            c.aboutType(), c.channel()));
                })
                .on(FeedbackEvents.NOTIFICATION_SENT, event -> {
                    NotificationSent n = event.data();
                    if (n.ticketId() == null) {
                        return;
                    }
                    tickets.followReport(n.ticketId(), FEEDBACK_ACTOR, null, TimelineText.of("Customer notified: " + n.noticeType()
                            + " by " + n.channel() + " (" + n.language() + ", attempt " + n.attempts() + ")",
                            "timeline.notification-sent", "§notice." + n.noticeType(), n.channel(), n.language(), n.attempts()));
                })
                .on(FeedbackEvents.NOTIFICATION_FAILED, event -> {
                    NotificationFailed n = event.data();
                    if (n.ticketId() == null) {
                        return;
                    }
                    tickets.followReport(n.ticketId(), FEEDBACK_ACTOR, null, TimelineText.of("Customer not notified: "
                            + n.noticeType() + " " + n.status() + " by rule " + n.rule() + (n.channel() == null ? "" : " on "
                            + n.channel()) + "; call the customer", "timeline.notification-failed", "§notice." + n.noticeType(),
                            "§notification." + n.status(), n.rule()));
                })
                .build();
    }

    @KafkaListener(topics = Topics.RETURNS)
    void onReturns(ConsumerRecord<String, byte[]> record) {
        inbound.process(record, returns);
    }

    @KafkaListener(topics = Topics.FEEDBACK)
    void onFeedback(ConsumerRecord<String, byte[]> record) {
        inbound.process(record, feedback);
    }
}
