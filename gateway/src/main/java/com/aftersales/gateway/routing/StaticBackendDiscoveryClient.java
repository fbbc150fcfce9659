package com.aftersales.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.core.Ordered;
import reactor.core.publisher.Flux;

/**
 * The instances of every backend as configured ({@code aftersales.gateway.services.<name>.url}, a comma-separated
 * list): no registry, so the gateway runs the same in the launcher, compose and behind Kubernetes Services.
 * Spring Cloud LoadBalancer reads them for {@code lb://<name>} routes and health-checks each one
 * ({@link BackendLoadBalancing}).
 */
class StaticBackendDiscoveryClient implements ReactiveDiscoveryClient {

    private final Map<String, List<ServiceInstance>> instances;

    StaticBackendDiscoveryClient(GatewayRoutingProperties properties) {
        this.instances = properties.services()
            .entrySet()
            .stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey,
                    entry -> instancesOf(entry.getKey(), entry.getValue().url())));
    }

    private static List<ServiceInstance> instancesOf(String service, List<URI> urls) {
        return urls.stream().map(url -> instance(service, url)).toList();
    }

    private static ServiceInstance instance(String service, URI url) {
        boolean secure = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() >= 0 ? url.getPort() : secure ? 443 : 80;
        return new DefaultServiceInstance(service + "@" + url.getHost() + ":" + port, service, url.getHost(), port,
                secure);
    }

    @Override
    public String description() {
        return "Backend instances from aftersales.gateway.services";
    }

    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        return Flux.fromIterable(instances.getOrDefault(serviceId, List.of()));
    }

    @Override
    public Flux<String> getServices() {
        return Flux.fromIterable(instances.keySet());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

}
