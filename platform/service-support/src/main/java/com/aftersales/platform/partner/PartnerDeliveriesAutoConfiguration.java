package com.aftersales.platform.partner;

import com.aftersales.platform.PlatformAutoConfiguration;
import com.aftersales.platform.kafka.KafkaPlatformProperties;
import com.aftersales.platform.metrics.CachedGauges;
import com.aftersales.platform.retention.RetentionTarget;
import com.aftersales.platform.outbox.EventPublisher;
import com.aftersales.platform.outbox.OutboxTracing;
import com.aftersales.platform.schema.PlatformSchemaMigration;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** Partner deliveries for the services that turn them on ({@code aftersales.partner-deliveries.enabled=true}). */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
@ConditionalOnBooleanProperty("aftersales.partner-deliveries.enabled")
@EnableConfigurationProperties(PartnerDeliveryProperties.class)
public class PartnerDeliveriesAutoConfiguration {

    @Bean
    PartnerDeliveries partnerDeliveries(EventPublisher events, JdbcClient jdbc, PlatformSchemaMigration schema) {
        return new PartnerDeliveries(events, jdbc);
    }

    @Bean
    RetentionTarget sentPartnerDeliveryRetention(PartnerDeliveryProperties properties) {
        return new RetentionTarget("partner_delivery", "published_at", properties.retention());
    }

    @Bean
    PartnerTopics partnerTopics(KafkaAdmin admin, PartnerDeliveryProperties properties, KafkaPlatformProperties platform) {
        return new PartnerTopics(admin, properties, platform);
    }

    @Bean
    @SuppressWarnings("unchecked")
    PartnerRelay partnerRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<?, ?> kafka,
                              PartnerDeliveryProperties properties, MeterRegistry meters, CachedGauges gauges,
                              OutboxTracing tracing, Clock clock, PartnerTopics topics, PlatformSchemaMigration schema) {
        // The platform's producer is configured for String keys and byte[] values (platform defaults).
        return new PartnerRelay(jdbc, transactions, (KafkaOperations<String, byte[]>) kafka, properties, meters, gauges,
                tracing, clock, topics);
    }
}
