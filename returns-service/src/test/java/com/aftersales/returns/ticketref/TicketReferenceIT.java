package com.aftersales.returns.ticketref;

import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.ticket.TicketOpened;
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
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest
@WithRealInfrastructure
class TicketReferenceIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void keepsALocalReferenceOfEveryOpenedTicketOnce() {
        UUID ticketId = UUID.randomUUID();
        Instant openedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EventEnvelope<TicketOpened> event = new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/ticket-service"),
                TicketEvents.TICKET_OPENED, OffsetDateTime.now(ZoneOffset.UTC), ticketId.toString(), null,
                new TicketOpened(ticketId, UUID.randomUUID(), "SN-R-1", "BCD-520W", "RETURN_REQUEST", "STORE", "NORMAL",
                        null, "冰箱有异味，要求退货", openedAt));
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            kafka.publish(event);
            kafka.publish(event);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from processed_event where event_id = :id").param("id", event.id()).query(Long.class).single() == 1);
        var row = jdbc.sql("select serial_number, ticket_type, opened_at from ticket_reference where ticket_id = :id")
                .param("id", ticketId).query().singleRow();
        assertThat(row.get("serial_number")).isEqualTo("SN-R-1");
        assertThat(row.get("ticket_type")).isEqualTo("RETURN_REQUEST");
        assertThat(((java.sql.Timestamp) row.get("opened_at")).toInstant()).isEqualTo(openedAt);
    }
}
