package com.aftersales.returns.product;

import com.aftersales.contracts.Topics;
import com.aftersales.contracts.product.ProductFacts;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.platform.inbox.EventHandlers;
import com.aftersales.platform.inbox.InboundEventProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Set;

/**
 * Keeps the product replica from ticket-service's product events. Its own consumer group, so that it
 * reads every partition of the ticket topic next to the ticket-reference listener.
 */
@Component
class ProductEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ProductEventsListener.class);
    /** The price types of the contract; anything else breaks it and goes to the DLT rather than being guessed. */
    private static final Set<String> PRICE_TYPES = Set.of("REGULAR", "SPECIAL_PRICE", "GIFT");

    private final InboundEventProcessor inbound;
    private final EventHandlers handlers;

    ProductEventsListener(InboundEventProcessor inbound, ProductReplicaRepository replica) {
        this.inbound = inbound;
        this.handlers = EventHandlers.builder()
                .on(TicketEvents.PRODUCT_REGISTERED, event -> keep(replica, event.data().product(), event.data().registeredAt()))
                .on(TicketEvents.PRODUCT_UPDATED, event -> keep(replica, event.data().product(), event.data().updatedAt()))
                .build();
    }

    private static void keep(ProductReplicaRepository replica, ProductFacts product, Instant asOf) {
        if (!PRICE_TYPES.contains(product.priceType())) {
            throw new IllegalArgumentException("unknown price type " + product.priceType() + " for product " + product.productId());
        }
        if (!replica.upsert(product, asOf)) {
            log.info("Product {} facts as of {} are older than the replica's; kept the newer ones", product.productId(), asOf);
        }
    }

    @KafkaListener(topics = Topics.TICKETS, groupId = "${spring.application.name}-product-replica")
    void on(ConsumerRecord<String, byte[]> record) {
        inbound.process(record, handlers);
    }
}
