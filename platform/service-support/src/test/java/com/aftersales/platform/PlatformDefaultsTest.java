package com.aftersales.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer settings every service inherits hand a dead instance's partitions to the survivors well within the
 * 30 s recovery goal: the coordinator notices after session.timeout.ms (Kafka's default, 45 s, made the fault test's
 * kill -9 scenarios take 47-51 s), survivors learn of the rebalance on their next heartbeat.
 */
class PlatformDefaultsTest {

    @Test
    void aDeadConsumerIsNoticedAndItsPartitionsReassignedWellWithin30Seconds() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setConversionService(new org.springframework.boot.convert.ApplicationConversionService());
        new YamlPropertySourceLoader().load("defaults", new ClassPathResource(PlatformDefaultsEnvironmentPostProcessor.RESOURCE))
                .forEach(environment.getPropertySources()::addLast);
        Duration session = Duration.ofMillis(environment.getRequiredProperty(
                "spring.kafka.consumer.properties.session.timeout.ms", Long.class));
        Duration heartbeat = environment.getRequiredProperty("spring.kafka.consumer.heartbeat-interval", Duration.class);

        assertThat(session.plus(heartbeat).plus(heartbeat)).isLessThanOrEqualTo(Duration.ofSeconds(20));
        // Kafka's rule of thumb, and the broker's floor (group.min.session.timeout.ms, 6 s by default).
        assertThat(heartbeat.multipliedBy(3)).isLessThanOrEqualTo(session);
        assertThat(session).isGreaterThanOrEqualTo(Duration.ofSeconds(6));
        assertThat(environment.getProperty("spring.kafka.consumer.properties.partition.assignment.strategy"))
                .endsWith("CooperativeStickyAssignor");
    }
}
