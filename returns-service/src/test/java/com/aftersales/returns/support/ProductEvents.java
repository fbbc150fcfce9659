package com.aftersales.returns.support;

import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.product.ProductFacts;
import com.aftersales.contracts.product.ProductRegistered;
import com.aftersales.contracts.product.ProductUpdated;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.testsupport.KafkaTestClient;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Publishes product events as ticket-service would, and waits until the replica has them. */
public final class ProductEvents {

    private ProductEvents() {
    }

    public static ProductFacts facts(String serial, String category, LocalDate purchased, String priceType) {
        return new ProductFacts(UUID.randomUUID(), UUID.randomUUID(), serial, "KFR-35GW/BpR3", category, "B2026-03",
                purchased, "SH-001", "R-" + serial, priceType, false, true, true, "310115", null, null);
    }

    public static EventEnvelope<ProductRegistered> registered(ProductFacts facts, Instant at) {
        return new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/ticket-service"), TicketEvents.PRODUCT_REGISTERED,
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC), facts.productId().toString(), null, new ProductRegistered(facts, at));
    }

    public static EventEnvelope<ProductUpdated> updated(ProductFacts facts, List<String> changed, Instant at) {
        return new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/ticket-service"), TicketEvents.PRODUCT_UPDATED,
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC), facts.productId().toString(), null,
                new ProductUpdated(facts, changed, at));
    }

    /** Registers a unit and waits until the replica holds it. */
    public static void register(JdbcClient jdbc, ProductFacts facts) {
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            kafka.publish(registered(facts, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from product_replica where product_id = :id")
                .param("id", facts.productId()).query(Long.class).single() == 1);
    }
}
