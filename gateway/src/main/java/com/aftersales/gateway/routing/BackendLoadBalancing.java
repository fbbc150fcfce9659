package com.aftersales.gateway.routing;

import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Round robin over a backend's instances, leaving out those whose readiness probe
 * ({@code spring.cloud.loadbalancer.health-check.*} in application.yml) does not answer 200: a killed or
 * draining instance stops getting requests within one check interval.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = HealthCheckedInstances.class)
class BackendLoadBalancing {

    @Bean
    ReactiveDiscoveryClient staticBackendDiscoveryClient(GatewayRoutingProperties properties) {
        return new StaticBackendDiscoveryClient(properties);
    }

}
