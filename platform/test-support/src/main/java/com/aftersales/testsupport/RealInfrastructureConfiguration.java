package com.aftersales.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points a Spring Boot test at the shared real PostgreSQL (a database named after the
 * application) and the shared real Kafka broker, and makes it trust the JVM's {@link TestIdentity} issuer.
 * Import it, or use {@link WithRealInfrastructure}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RealInfrastructureConfiguration {

    @Bean
    DynamicPropertyRegistrar realInfrastructureProperties(Environment environment) {
        return registry -> {
            String application = environment.getProperty("spring.application.name", "application");
            DatabaseEndpoint database = TestInfrastructure.database(application);
            registry.add("spring.datasource.url", database::jdbcUrl);
            registry.add("spring.datasource.username", database::username);
            registry.add("spring.datasource.password", database::password);
            registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
            TestIdentity.properties().forEach((name, value) -> registry.add(name, () -> value));
        };
    }
}
