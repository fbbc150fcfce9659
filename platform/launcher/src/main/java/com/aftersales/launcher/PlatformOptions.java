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
 * @param servicePorts        port of every service in {@link PlatformService#ALL}
 * @param loadDemoData        whether to post the demo tickets through the gateway once it is ready
 * @param serviceStartTimeout how long one service may take to become ready
 */
public record PlatformOptions(Path projectRoot, Path dataDir, int postgresPort, int kafkaPort, int kafkaControllerPort,
                              Map<PlatformService, Integer> servicePorts, boolean loadDemoData,
                              Duration serviceStartTimeout) {

    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 19093;
    /** Under the project root and ignored by git ({@code .data/} in .gitignore). */
    public static final String DEFAULT_DATA_DIR = ".data/embedded";
    /** PostgreSQL, the Kafka broker and the Kafka controller. */
    private static final int INFRASTRUCTURE_PORTS = 3;
    private static final int MAX_PORT = 65_535;

    public PlatformOptions {
        projectRoot = Objects.requireNonNull(projectRoot, "projectRoot").toAbsolutePath().normalize();
        dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
        Objects.requireNonNull(servicePorts, "servicePorts");
        Objects.requireNonNull(serviceStartTimeout, "serviceStartTimeout");
        Map<PlatformService, Integer> ports = new LinkedHashMap<>();
        for (PlatformService service : PlatformService.ALL) {
            Integer port = servicePorts.get(service);
            if (port == null) {
                throw new IllegalArgumentException("No port for " + service.module());
            }
            ports.put(service, port);
        }
        servicePorts = Map.copyOf(ports);
        List<Integer> all = new ArrayList<>(ports.values());
        all.addAll(List.of(postgresPort, kafkaPort, kafkaControllerPort));
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

    public static Builder builder(Path projectRoot) {
        return new Builder(projectRoot);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(projectRoot).dataDir(dataDir).postgresPort(postgresPort).kafkaPort(kafkaPort)
                .kafkaControllerPort(kafkaControllerPort).loadDemoData(loadDemoData).serviceStartTimeout(serviceStartTimeout);
        servicePorts.forEach(builder::servicePort);
        return builder;
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

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
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
        private final Map<PlatformService, Integer> servicePorts = new LinkedHashMap<>();
        private boolean loadDemoData = true;
        private Duration serviceStartTimeout = ServiceProcess.DEFAULT_START_TIMEOUT;

        private Builder(Path projectRoot) {
            this.projectRoot = Objects.requireNonNull(projectRoot, "projectRoot");
            this.dataDir = projectRoot.resolve(DEFAULT_DATA_DIR);
            PlatformService.ALL.forEach(service -> servicePorts.put(service, service.defaultPort()));
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
            Iterator<Integer> ports = Ports.free(INFRASTRUCTURE_PORTS + PlatformService.ALL.size()).iterator();
            postgresPort = ports.next();
            kafkaPort = ports.next();
            kafkaControllerPort = ports.next();
            PlatformService.ALL.forEach(service -> servicePorts.put(service, ports.next()));
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
            return new PlatformOptions(projectRoot, dataDir, postgresPort, kafkaPort, kafkaControllerPort, servicePorts,
                    loadDemoData, serviceStartTimeout);
        }
    }
}
