package com.aftersales.feedback.journey;

import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.EventType;
import com.aftersales.contracts.ticket.TicketOpened;
import com.aftersales.contracts.ticket.TicketStatusChanged;
import com.aftersales.testsupport.KafkaTestClient;
import com.aftersales.testsupport.WithRealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest
@WithRealInfrastructure
class TicketJourneyIT {

    @Autowired
    JdbcClient jdbc;

    private static <T> EventEnvelope<T> event(EventType<T> type, UUID ticketId, T data) {
        return new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/ticket-service"), type,
                OffsetDateTime.now(ZoneOffset.UTC), ticketId.toString(), null, data);
    }

    @Test
    void projectsWhenEachTicketReachedEachStatus() {
        UUID ticketId = UUID.randomUUID();
        Instant opened = Instant.parse("2026-11-24T01:00:00Z");
        Instant queued = opened.plusSeconds(42);
        EventEnvelope<TicketStatusChanged> changed = event(TicketEvents.TICKET_STATUS_CHANGED, ticketId,
                new TicketStatusChanged(ticketId, "OPEN", "AWAITING_TECHNICIAN", "system:dispatch-service", "job queued", queued));
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            kafka.publish(event(TicketEvents.TICKET_OPENED, ticketId, new TicketOpened(ticketId, UUID.randomUUID(), "SN-F-1",
                    "JSQ30-16", "REPAIR", "WEB", "URGENT", "HEATING", "热水器不出热水", opened)));
            kafka.publish(changed);
            kafka.publish(changed);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from processed_event where consumer = 'feedback-service' and event_id = :id").param("id", changed.id()).query(Long.class).single() == 1);
        assertThat(jdbc.sql("select status from ticket_journey where ticket_id = :id").param("id", ticketId)
                .query(String.class).single()).isEqualTo("AWAITING_TECHNICIAN");
        assertThat(jdbc.sql("select status from ticket_journey_step where ticket_id = :id order by reached_at")
                .param("id", ticketId).query(String.class).list()).containsExactly("OPEN", "AWAITING_TECHNICIAN");
        Double secondsToQueue = jdbc.sql("""
                        select extract(epoch from s.reached_at - j.opened_at) from ticket_journey j
                        join ticket_journey_step s on s.ticket_id = j.ticket_id and s.status = 'AWAITING_TECHNICIAN'
                        where j.ticket_id = :id""").param("id", ticketId).query(Double.class).single();
        assertThat(secondsToQueue).isEqualTo(42.0);
    }
}
