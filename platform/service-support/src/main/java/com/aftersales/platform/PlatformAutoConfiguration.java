package com.aftersales.platform;

import com.aftersales.contracts.EventCodec;
import com.aftersales.platform.clock.BusinessClockProperties;
import com.aftersales.platform.idempotency.IdempotentRequests;
import com.aftersales.platform.inbox.InboundEventProcessor;
import com.aftersales.platform.kafka.KafkaPlatformConfiguration;
import com.aftersales.platform.kafka.KafkaPlatformProperties;
import com.aftersales.platform.outbox.EventPublisher;
import com.aftersales.platform.outbox.OutboxEventPublisher;
import com.aftersales.platform.outbox.OutboxProperties;
import com.aftersales.platform.outbox.OutboxRelay;
import com.aftersales.platform.retention.RetentionJob;
import com.aftersales.platform.retention.RetentionProperties;
import com.aftersales.platform.retention.RetentionTarget;
import com.aftersales.platform.outbox.OutboxTracing;
import com.aftersales.platform.outbox.RelayNotificationProperties;
import com.aftersales.platform.outbox.RelayNotifications;
import com.aftersales.platform.outbox.TableRelay;
import com.aftersales.platform.metrics.CachedGauges;
import com.aftersales.platform.metrics.MetricsProperties;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import com.aftersales.platform.schema.PlatformSchemaMigration;
import com.aftersales.platform.web.OpenApiConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

/** Wires the platform support into every backend service that has it on the classpath. */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class, KafkaAutoConfiguration.class})
@EnableConfigurationProperties({OutboxProperties.class, RelayNotificationProperties.class, KafkaPlatformProperties.class,
        MetricsProperties.class, RetentionProperties.class, BusinessClockProperties.class})
@Import({KafkaPlatformConfiguration.class, OpenApiConfiguration.class})
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(BusinessClockProperties properties) {
        if (!properties.offset().isZero()) {
            org.slf4j.LoggerFactory.getLogger(PlatformAutoConfiguration.class).warn(
                    "The business clock runs {} ahead of the system clock (aftersales.clock.offset): for drills and tests only",
                    properties.offset());
        }
        return properties.clock();
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    PlatformSchemaMigration platformSchemaMigration(DataSource dataSource,
                                                    ObjectProvider<FlywayMigrationInitializer> serviceMigrations) {
        // The service's own migrations first, always: platform migrations may adopt a table a service created
        // before the platform owned it (V4 partner_delivery, from returns-service's V4).
        serviceMigrations.ifAvailable(initialized -> { });
        return new PlatformSchemaMigration(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    @Bean
    CachedGauges cachedGauges(MeterRegistry meters, MetricsProperties properties) {
        return new CachedGauges(meters, properties);
    }

    @Bean
    OutboxTracing outboxTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new OutboxTracing(tracer.getIfAvailable(), propagator.getIfAvailable());
    }

    @Bean
    EventPublisher eventPublisher(JdbcClient jdbc, EventCodec codec, @Value("${spring.application.name}") String service,
                                  Clock clock, OutboxTracing tracing, PlatformSchemaMigration schema,
                                  ObjectProvider<OutboxRelay> relay) {
        // The writing instance's relay starts as soon as the transaction commits, not at its next poll.
        return new OutboxEventPublisher(jdbc, codec, service, clock, tracing, () -> relay.ifAvailable(OutboxRelay::wake));
    }

    @Bean
    @ConditionalOnProperty(name = "aftersales.outbox.notifications.enabled", havingValue = "true", matchIfMissing = true)
    RelayNotifications relayNotifications(DataSource dataSource, RelayNotificationProperties properties,
                                          ObjectProvider<TableRelay> relays, PlatformSchemaMigration schema) {
        RelayNotifications notifications = new RelayNotifications(dataSource, properties.listenTimeout(),
                properties.reconnectDelay());
        relays.orderedStream().forEach(relay -> notifications.onInsert(relay.table(), relay::wake));
        return notifications;
    }

    @Bean
    @SuppressWarnings("unchecked")
    OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<?, ?> kafka,
                            OutboxProperties properties, MeterRegistry meters, CachedGauges gauges, OutboxTracing tracing,
                            Clock clock, PlatformSchemaMigration schema) {
        // The platform's producer is configured for String keys and byte[] values (platform defaults).
        return new OutboxRelay(jdbc, transactions, (KafkaOperations<String, byte[]>) kafka, properties, meters, gauges,
                tracing, clock);
    }

    @Bean
    InboundEventProcessor inboundEventProcessor(EventCodec codec, JdbcClient jdbc, TransactionTemplate transactions,
                                                @Value("${spring.application.name}") String service, MeterRegistry meters,
                                                PlatformSchemaMigration schema) {
        return new InboundEventProcessor(codec, jdbc, transactions, service, meters);
    }

    @Bean
    RetentionTarget publishedOutboxRetention(OutboxProperties properties) {
        return new RetentionTarget("outbox_event", "published_at", properties.retention());
    }

    @Bean
    RetentionTarget processedEventRetention(RetentionProperties properties) {
        return new RetentionTarget("processed_event", "processed_at", properties.processedEvents());
    }

    @Bean
    RetentionJob retentionJob(JdbcClient jdbc, RetentionProperties properties, ObjectProvider<RetentionTarget> targets,
                              Clock clock, MeterRegistry meters, PlatformSchemaMigration schema) {
        return new RetentionJob(jdbc, properties, targets.orderedStream().toList(), clock, meters);
    }

    @Bean
    IdempotentRequests idempotentRequests(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper mapper,
                                          @Value("${aftersales.idempotency.retention:24h}") Duration retention, Clock clock,
                                          PlatformSchemaMigration schema) {
        return new IdempotentRequests(jdbc, transactions, mapper, retention, clock);
    }
}
