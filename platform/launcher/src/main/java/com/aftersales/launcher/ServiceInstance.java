package com.aftersales.launcher;

import java.util.Objects;

/**
 * One running copy of a service in the embedded platform: the service and which copy (1-based). With
 * {@code --instances 2} every backend has instances 1 and 2 on their own ports; the gateway always has one.
 *
 * @param service the service
 * @param index   1 for the first instance (the service's documented port), 2 for the second, ...
 * @param port    its HTTP port on 127.0.0.1
 */
public record ServiceInstance(PlatformService service, int index, int port) {

    public ServiceInstance {
        Objects.requireNonNull(service, "service");
        if (index < 1) {
            throw new IllegalArgumentException("Instance index starts at 1: " + index);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://" + ServiceProcess.HOST + ":" + port;
    }

    /** Where its actuator is: {@link PlatformService#managementPort} for a backend, the API port for the gateway. */
    public int managementPort() {
        return service.database().isPresent() ? PlatformService.managementPort(port) : port;
    }

    /** {@code http://127.0.0.1:<management port>}: health with its components, Prometheus, metrics. */
    public String managementUrl() {
        return "http://" + ServiceProcess.HOST + ":" + managementPort();
    }

    /** {@code ticket-service} for the first instance, {@code ticket-service-2} for the second: log file and thread names. */
    public String name() {
        return index == 1 ? service.module() : service.module() + "-" + index;
    }

    @Override
    public String toString() {
        return name() + "@" + port;
    }
}
