package com.aftersales.gateway.routing;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * LoadBalancer's per-backend configuration, instantiated once per backend in that backend's child context
 * (which names the service). Deliberately not a {@code @Configuration} and not nested in one, so the main
 * context does not pick it up.
 */
class HealthCheckedInstances {

    @Bean
    ServiceInstanceListSupplier readyInstances(ConfigurableApplicationContext context) {
        return ServiceInstanceListSupplier.builder()
            .withDiscoveryClient()
            .withHealthChecks(WebClient.create())
            .build(context);
    }

}
