package com.aftersales.feedback.survey;

import com.aftersales.contracts.Topics;
import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.dispatch.VisitCompleted;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.ticket.TicketOpened;
import com.aftersales.contracts.ticket.TicketStatusChanged;
import com.aftersales.platform.inbox.EventHandlers;
import com.aftersales.platform.inbox.InboundEventProcessor;
import com.aftersales.platform.kafka.KafkaPlatformConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/** Schedules a survey when a ticket's service is complete. Its own consumer group. */
@Component
class SurveyTriggerListener {

    static final String GROUP = "feedback-service.surveys";
    static final String VISIT_OUTCOME_COMPLETED = "COMPLETED";

    private final InboundEventProcessor inbound;
    private final SurveyRepository surveys;
    private final SurveyService service;
    private final SurveyProperties properties;
    private final EventHandlers handlers;

    SurveyTriggerListener(InboundEventProcessor inbound, SurveyRepository surveys, SurveyService service,
                          SurveyProperties properties) {
        this.inbound = inbound;
        this.surveys = surveys;
        this.service = service;
        this.properties = properties;
        this.handlers = EventHandlers.builder()
                .on(TicketEvents.TICKET_OPENED, e -> opened(e.data()))
                // Only the changes and visits that schedule a survey: the others take no inbox marker.
                .on(TicketEvents.TICKET_STATUS_CHANGED, change -> properties.triggerStatuses().contains(change.toStatus()),
                        e -> statusChanged(e.data()))
                .on(DispatchEvents.VISIT_COMPLETED, visit -> properties.triggerOnVisitCompleted()
                        && VISIT_OUTCOME_COMPLETED.equals(visit.outcome()), e -> visitCompleted(e.data()))
                .build();
    }

    /**
     * A poll at a time, in one transaction (see {@link InboundEventProcessor#processBatch}): one inbox marker and one
     * commit per poll instead of per event, for a consumer that sees every ticket opened and every status change.
     */
    @KafkaListener(topics = {Topics.TICKETS, Topics.DISPATCH}, groupId = GROUP,
            containerFactory = KafkaPlatformConfiguration.BATCH_LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbound.processBatch(records, handlers);
    }

    private void opened(TicketOpened t) {
        surveys.ticketOpened(t.ticketId(), t.customerId(), t.model(), t.customerTier(), t.openedAt());
    }

    private void statusChanged(TicketStatusChanged change) {
        service.scheduleFor(change.ticketId(), "ticket " + change.toStatus(), change.changedAt());
    }

    private void visitCompleted(VisitCompleted visit) {
        service.scheduleFor(visit.ticketId(), "visit completed", visit.completedAt());
    }
}
