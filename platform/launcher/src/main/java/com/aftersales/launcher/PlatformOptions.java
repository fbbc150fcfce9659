package com.aftersales.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to run the platform: where the project (and its built jars) is, where the data lives, which ports.
 * {@link #defaults(Path)} are the ports of the documented developer platform; tests that must not clash
 * with a running one use {@link #withFreePorts(Path, Path)}.
 *
 * @param projectRoot         the Maven project root; service jars are {@code <projectRoot>/<module>/target/*-exec.jar}
 * @param dataDir             PostgreSQL data in {@code postgres/}, Kafka in {@code kafka/}, logs in {@code logs/}
 * @param postgresPort        PostgreSQL port
 * @param kafkaPort           Kafka broker (PLAINTEXT) port
 * @param kafkaControllerPort Kafka KRaft controller port
 * @param servicePorts        port of every service in {@link PlatformService#LAUNCHED}
 * @param loadDemoData        whether to post the demo tickets through the gateway once it is ready
 * @param serviceStartTimeout how long one service may take to become ready
 * @param instances           instances of every backend service (the gateway always runs once and balances
 *                            across them); 1 by default, 2 for {@code ./aftersales run --instances 2}
 * @param additionalPorts     ports of instances 2..n of every backend (empty lists when {@code instances} is 1)
 * @param dedicatedPostgres   backends whose database lives on a PostgreSQL server of its own, with that server's port
 *                            (empty by default: one server holds every database). Fault tests use it to stop one
 *                            service's database while the others keep theirs, as with one database server per
 *                            service in production.
 * @param kafkaPartnerPort    the broker's PARTNER listener (SASL/SCRAM-SHA-512): partner depots read their own topics
 *                            there with their own credentials, as on compose's port 9095
 * @param keycloak            the identity provider when it is Keycloak ({@code ./aftersales run --identity keycloak}):
 *                            its distribution and port; {@code null} for the platform's own authorization server
 * @param gatewayPorts        empty: one gateway on its service port (the default). Otherwise the ports of two or more
 *                            gateway instances, and the gateway's service port belongs to a TCP load balancer in front
 *                            of them ({@link TcpProxy#balance}), as a cloud load balancer or a Kubernetes Service would
 *                            be: fault tests kill one gateway behind it
 * @param kafkaBehindProxy    whether clients reach the broker's PLAINTEXT listener through a TCP proxy on
 *                            {@code kafkaPort} (the broker listens on a port of its own and advertises the proxy's), so
 *                            that fault tests can slow the broker down or cut it off without stopping it
 * @param backendEnvironment  settings given to every backend instance as environment variables on top of the
 *                            launcher's (e.g. {@code AFTERSALES_CLOCK_OFFSET} for a run across midnight); empty by default
 */
public record PlatformOptions(Path projectRoot, Path dataDir, int postgresPort, int kafkaPort, int kafkaControllerPort,
                              Map<PlatformService, Integer> servicePorts, boolean loadDemoData,
                              Duration serviceStartTimeout, int instances,
                              Map<PlatformService, List<Integer>> additionalPorts,
                              Map<PlatformService, Integer> dedicatedPostgres, int kafkaPartnerPort,
                              KeycloakIdentity keycloak, List<Integer> gatewayPorts, boolean kafkaBehindProxy,
                              Map<String, String> backendEnvironment) {

    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 19093;
    public static final int DEFAULT_KAFKA_PARTNER_PORT = 19095;
    /** Under the project root and ignored by git ({@code .data/} in .gitignore). */
    public static final String DEFAULT_DATA_DIR = ".data/embedded";
    /** PostgreSQL, the Kafka broker and the Kafka controller. */
    private static final int INFRASTRUCTURE_PORTS = 4;
    private static final int MAX_PORT = 65_535;
    /** Instance n of a backend listens on its first port + (n - 1) * this step: 8081, 8181, 8281, ... */
    public static final int INSTANCE_PORT_STEP = 100;
    /** More would not fit two cores; the option exists to prove scale-out, not to run a cluster. */
    public static final int MAX_INSTANCES = 4;

    public PlatformOptions {
        projectRoot = Objects.requireNonNull(projectRoot, "projectRoot").toAbsolutePath().normalize();
        dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
        Objects.requireNonNull(servicePorts, "servicePorts");
        Objects.requireNonNull(serviceStartTimeout, "serviceStartTimeout");
        Map<PlatformService, Integer> ports = new LinkedHashMap<>();
        for (PlatformService service : PlatformService.LAUNCHED) {
            Integer port = servicePorts.get(service);
            if (port == null) {
                throw new IllegalArgumentException("No port for " + service.module());
            }
            ports.put(service, port);
        }
        servicePorts = Map.copyOf(ports);
        if (instances < 1 || instances > MAX_INSTANCES) {
            throw new IllegalArgumentException("Instances must be 1.." + MAX_INSTANCES + ": " + instances);
        }
        Objects.requireNonNull(additionalPorts, "additionalPorts");
        Map<PlatformService, List<Integer>> extra = new LinkedHashMap<>();
        for (PlatformService backend : PlatformService.BACKENDS) {
            List<Integer> backendPorts = List.copyOf(additionalPorts.getOrDefault(backend, List.of()));
            if (backendPorts.size() != instances - 1) {
                throw new IllegalArgumentException(backend.module() + " needs " + (instances - 1)
                        + " additional port(s), got " + backendPorts);
            }
            extra.put(backend, backendPorts);
        }
        additionalPorts = Map.copyOf(extra);
        dedicatedPostgres = Map.copyOf(Objects.requireNonNull(dedicatedPostgres, "dedicatedPostgres"));
        for (PlatformService service : dedicatedPostgres.keySet()) {
            if (service.database().isEmpty()) {
                throw new IllegalArgumentException(service.module() + " has no database");
            }
        }
        gatewayPorts = List.copyOf(Objects.requireNonNull(gatewayPorts, "gatewayPorts"));
        backendEnvironment = Map.copyOf(Objects.requireNonNull(backendEnvironment, "backendEnvironment"));
        if (gatewayPorts.size() == 1 || gatewayPorts.size() > MAX_INSTANCES) {
            throw new IllegalArgumentException("Gateways behind a balancer must be 2.." + MAX_INSTANCES + ": " + gatewayPorts);
        }
        List<Integer> all = new ArrayList<>(ports.values());
        extra.values().forEach(all::addAll);
        all.addAll(gatewayPorts);
        all.addAll(dedicatedPostgres.values());
        all.addAll(List.of(postgresPort, kafkaPort, kafkaControllerPort, kafkaPartnerPort));
        if (keycloak != null) {
            all.add(keycloak.port());
        }
        for (int port : all) {
            if (port < 1 || port > MAX_PORT) {
                throw new IllegalArgumentException("Not a TCP port: " + port);
            }
        }
        if (all.stream().distinct().count() != all.size()) {
            throw new IllegalArgumentException("Ports must differ: " + all);
        }
    }

    /** The developer platform: default ports, data in {@code <projectRoot>/.data/embedded}, demo data on. */
    public static PlatformOptions defaults(Path projectRoot) {
        return builder(projectRoot).build();
    }

    /** Free ports everywhere (for tests running next to a developer platform), no demo data. */
    public static PlatformOptions withFreePorts(Path projectRoot, Path dataDir) {
        return builder(projectRoot).dataDir(dataDir).freePorts().loadDemoData(false).build();
    }

    /** As {@link #withFreePorts(Path, Path)} with {@code instances} of every backend, each on a free port. */
    public static PlatformOptions withFreePorts(Path projectRoot, Path dataDir, int instances) {
        return builder(projectRoot).dataDir(dataDir).freePorts().instances(instances).loadDemoData(false).build();
    }

    public static Builder builder(Path projectRoot) {
        return new Builder(projectRoot);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(projectRoot).dataDir(dataDir).postgresPort(postgresPort).kafkaPort(kafkaPort)
                .kafkaControllerPort(kafkaControllerPort).kafkaPartnerPort(kafkaPartnerPort).keycloak(keycloak).loadDemoData(loadDemoData).serviceStartTimeout(serviceStartTimeout)
                .instances(instances).gatewayPorts(gatewayPorts).kafkaBehindProxy(kafkaBehindProxy);
        backendEnvironment.forEach(builder::backendEnvironment);
        servicePorts.forEach(builder::servicePort);
        additionalPorts.forEach(builder::additionalPorts);
        dedicatedPostgres.forEach(builder::dedicatedPostgres);
        return builder;
    }

    /**
     * Every instance of {@code service} in order: each backend {@link #instances()}, the gateway one on its service
     * port, or one per {@link #gatewayPorts()} behind the balancer.
     */
    public List<ServiceInstance> instancesOf(PlatformService service) {
        List<ServiceInstance> all = new ArrayList<>();
        if (service.equals(PlatformService.GATEWAY) && !gatewayPorts.isEmpty()) {
            for (int i = 0; i < gatewayPorts.size(); i++) {
                all.add(new ServiceInstance(service, i + 1, gatewayPorts.get(i)));
            }
            return List.copyOf(all);
        }
        all.add(new ServiceInstance(service, 1, servicePort(service)));
        List<Integer> extra = additionalPorts.getOrDefault(service, List.of());
        for (int i = 0; i < extra.size(); i++) {
            all.add(new ServiceInstance(service, i + 2, extra.get(i)));
        }
        return List.copyOf(all);
    }

    public int servicePort(PlatformService service) {
        Integer port = servicePorts.get(service);
        if (port == null) {
            throw new IllegalArgumentException("Unknown service " + service);
        }
        return port;
    }

    public Path postgresDir() {
        return dataDir.resolve("postgres");
    }

    /** PostgreSQL port of a backend's database: its dedicated server's, else the shared server's. */
    public int postgresPort(PlatformService service) {
        return dedicatedPostgres.getOrDefault(service, postgresPort);
    }

    /** Data directory of a backend's dedicated PostgreSQL server. */
    public Path postgresDir(PlatformService service) {
        return dataDir.resolve("postgres-" + service.database().orElseThrow());
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    /** Keycloak's home (the unpacked distribution with its dev-mode database), when it is the identity provider. */
    public Path keycloakDir() {
        return dataDir.resolve("keycloak");
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public static final class Builder {
        private final Path projectRoot;
        private Path dataDir;
        private int postgresPort = DEFAULT_POSTGRES_PORT;
        private int kafkaPort = DEFAULT_KAFKA_PORT;
        private int kafkaControllerPort = DEFAULT_KAFKA_CONTROLLER_PORT;
        private int kafkaPartnerPort = DEFAULT_KAFKA_PARTNER_PORT;
        private final Map<PlatformService, Integer> servicePorts = new LinkedHashMap<>();
        private boolean loadDemoData = true;
        private Duration serviceStartTimeout = ServiceProcess.DEFAULT_START_TIMEOUT;
        private int instances = 1;
        private final Map<PlatformService, List<Integer>> additionalPorts = new LinkedHashMap<>();
        private final Map<PlatformService, Integer> dedicatedPostgres = new LinkedHashMap<>();
        private boolean freePorts;
        private KeycloakIdentity keycloak;
        private int gateways = 1;
        private List<Integer> gatewayPorts = List.of();
        private boolean kafkaBehindProxy;
        private final Map<String, String> backendEnvironment = new LinkedHashMap<>();

        private Builder(Path projectRoot) {
            this.projectRoot = Objects.requireNonNull(projectRoot, "projectRoot");
            this.dataDir = projectRoot.resolve(DEFAULT_DATA_DIR);
            PlatformService.LAUNCHED.forEach(service -> servicePorts.put(service, service.defaultPort()));
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder postgresPort(int port) {
            this.postgresPort = port;
            return this;
        }

        public Builder kafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        public Builder kafkaPartnerPort(int port) {
            this.kafkaPartnerPort = port;
            return this;
        }

        /** Keycloak instead of the platform's own authorization server; {@code null} for the latter. */
        public Builder keycloak(KeycloakIdentity keycloak) {
            this.keycloak = keycloak;
            return this;
        }

        /** Keycloak from {@code distribution} on a free port. */
        public Builder keycloak(Path distribution) {
            return keycloak(new KeycloakIdentity(distribution, Ports.free(1).get(0)));
        }

        public Builder kafkaControllerPort(int port) {
            this.kafkaControllerPort = port;
            return this;
        }

        public Builder servicePort(PlatformService service, int port) {
            this.servicePorts.put(service, port);
            return this;
        }

        /** Picks distinct free ports for PostgreSQL, Kafka, its controller and every service. */
        public Builder freePorts() {
            Iterator<Integer> ports = Ports.free(INFRASTRUCTURE_PORTS + PlatformService.LAUNCHED.size()).iterator();
            postgresPort = ports.next();
            kafkaPort = ports.next();
            kafkaControllerPort = ports.next();
            kafkaPartnerPort = ports.next();
            PlatformService.LAUNCHED.forEach(service -> servicePorts.put(service, ports.next()));
            freePorts = true;
            return this;
        }

        /** Instances of every backend; ports of the additional ones are chosen in {@link #build()} unless given. */
        public Builder instances(int instances) {
            this.instances = instances;
            return this;
        }

        /** Ports of instances 2..n of one backend. */
        public Builder additionalPorts(PlatformService backend, List<Integer> ports) {
            this.additionalPorts.put(backend, List.copyOf(ports));
            return this;
        }

        /** Gives the backend's database a PostgreSQL server of its own on {@code port}. */
        public Builder dedicatedPostgres(PlatformService backend, int port) {
            this.dedicatedPostgres.put(backend, port);
            return this;
        }

        /** As {@link #dedicatedPostgres(PlatformService, int)} on a free port. */
        public Builder dedicatedPostgres(PlatformService backend) {
            return dedicatedPostgres(backend, Ports.free(1).get(0));
        }

        /** {@code gateways} gateway instances (on free ports) behind a TCP load balancer on the gateway's port; 1: none. */
        public Builder gateways(int gateways) {
            if (gateways != this.gatewayPorts.size()) {
                this.gatewayPorts = List.of();
            }
            this.gateways = gateways;
            return this;
        }

        /** The ports of the gateway instances behind the balancer (empty: one gateway, no balancer). */
        public Builder gatewayPorts(List<Integer> ports) {
            this.gatewayPorts = List.copyOf(ports);
            this.gateways = ports.size();
            return this;
        }

        /** Clients reach the broker through a TCP proxy on the Kafka port ({@link EmbeddedPlatform#kafkaProxy()}). */
        public Builder kafkaBehindProxy(boolean behindProxy) {
            this.kafkaBehindProxy = behindProxy;
            return this;
        }

        /** An environment variable for every backend instance ({@link PlatformOptions#backendEnvironment()}). */
        public Builder backendEnvironment(String name, String value) {
            this.backendEnvironment.put(name, value);
            return this;
        }

        public Builder loadDemoData(boolean loadDemoData) {
            this.loadDemoData = loadDemoData;
            return this;
        }

        public Builder serviceStartTimeout(Duration timeout) {
            this.serviceStartTimeout = timeout;
            return this;
        }

        public PlatformOptions build() {
            Map<PlatformService, List<Integer>> extra = new LinkedHashMap<>();
            int missing = 0;
            for (PlatformService backend : PlatformService.BACKENDS) {
                List<Integer> given = additionalPorts.get(backend);
                if (given != null && given.size() == instances - 1) {
                    extra.put(backend, given);
                } else {
                    missing += instances - 1;
                }
            }
            Iterator<Integer> free = freePorts && missing > 0 ? Ports.free(missing).iterator() : null;
            for (PlatformService backend : PlatformService.BACKENDS) {
                if (!extra.containsKey(backend)) {
                    List<Integer> ports = new ArrayList<>();
                    for (int n = 2; n <= instances; n++) {
                        ports.add(free != null ? free.next() : servicePorts.get(backend) + (n - 1) * INSTANCE_PORT_STEP);
                    }
                    extra.put(backend, ports);
                }
            }
            List<Integer> gatewayInstancePorts = !gatewayPorts.isEmpty() ? gatewayPorts
                    : gateways > 1 ? Ports.free(gateways) : List.of();
            return new PlatformOptions(projectRoot, dataDir, postgresPort, kafkaPort, kafkaControllerPort, servicePorts,
                    loadDemoData, serviceStartTimeout, instances, extra, dedicatedPostgres, kafkaPartnerPort, keycloak,
                    gatewayInstancePorts, kafkaBehindProxy, backendEnvironment);
        }
    }
}
