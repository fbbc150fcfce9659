package com.aftersales.platform.kafka;

import com.aftersales.contracts.InvalidEventException;
import com.aftersales.contracts.Topics;
import com.aftersales.platform.metrics.CachedGauges;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.event.ConsumerStartedEvent;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.ArrayList;
import java.util.List;

/**
 * Retry, then dead-letter: a record that keeps failing is retried in place with exponential back-off
 * (so per-ticket order holds), then published unchanged to {@code <topic>.dlt} with Spring Kafka's
 * exception headers and counted. Records that break the event contract skip the retries.
 * Replaying a DLT: {@code ./aftersales replay-dlt <topic>} (see README).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaPlatformConfiguration {

    /** The container factory of batch listeners: {@code @KafkaListener(containerFactory = BATCH_LISTENER_FACTORY)}. */
    public static final String BATCH_LISTENER_FACTORY = "batchKafkaListenerContainerFactory";

    private static final Logger log = LoggerFactory.getLogger(KafkaPlatformConfiguration.class);

    @Bean
    DeadLetterMetrics deadLetterMetrics(MeterRegistry meters) {
        return new DeadLetterMetrics(meters);
    }

    @Bean
    ApplicationListener<ConsumerStartedEvent> deadLetterCountersAtZero(DeadLetterMetrics metrics) {
        return event -> {
            if (event.getSource() instanceof MessageListenerContainer container) {
                metrics.registerZero(container.getGroupId(), container.getContainerProperties().getTopics());
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<?, ?> template, KafkaPlatformProperties properties,
                                          DeadLetterMetrics metrics) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                // Negative partition: let the producer choose by key, whatever the DLT's partition count.
                (record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        KafkaPlatformProperties.Retry retry = properties.retry();
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxAttempts(retry.maxRetries());
        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
            log.error("Event at {}-{}@{} failed after retries; sending it to {}", record.topic(), record.partition(),
                    record.offset(), Topics.deadLetterOf(record.topic()), exception);
            deadLetters.accept(record, exception);
            metrics.recordDeadLettered(record, exception);
        }, backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class);
        return handler;
    }

    /**
     * For projections that apply a poll's records in one transaction
     * ({@link com.aftersales.platform.inbox.InboundEventProcessor#processBatch}): Boot's listener settings and the
     * platform's error handler (retries, then the dead-letter topic for the one record at fault), batch delivery.
     */
    @Bean(name = BATCH_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> batchKafkaListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(true);
        return factory;
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "aftersales.kafka.topics.create", matchIfMissing = true)
    KafkaAdmin.NewTopics platformTopics(KafkaPlatformProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, properties.topics().partitions(), properties.topics().replicationFactor()));
            topics.add(new NewTopic(Topics.deadLetterOf(topic), properties.topics().partitions(),
                    properties.topics().replicationFactor()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    DeadLetterTopicSizes deadLetterTopicSizes(KafkaAdmin admin, KafkaPlatformProperties properties,
                                              ObjectProvider<KafkaListenerEndpointRegistry> listeners, CachedGauges gauges) {
        KafkaListenerEndpointRegistry registry = listeners.getIfAvailable(KafkaListenerEndpointRegistry::new);
        DeadLetterTopicSizes sizes = new DeadLetterTopicSizes(admin.getConfigurationProperties(), registry,
                properties.healthTimeout());
        gauges.register("aftersales.kafka.dead.letter.records",
                "Records held in the dead-letter topic of each topic this service consumes", sizes::sizes);
        return sizes;
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin, KafkaPlatformProperties properties) {
        return new KafkaHealthIndicator(admin.getConfigurationProperties(), properties.healthTimeout());
    }
}
