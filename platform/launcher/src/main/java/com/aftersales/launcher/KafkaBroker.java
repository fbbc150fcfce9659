package com.aftersales.launcher;

import com.aftersales.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Apache Kafka broker in combined broker+controller KRaft mode, run as a child JVM from the jars on
 * the launcher's own class path ({@code kafka_2.13}, {@code kafka-tools} and an slf4j binding). Storage is
 * formatted once; the logs persist in {@code <kafkaDir>/data}. Stopping sends SIGTERM so that the broker
 * shuts down cleanly and the next start needs no log recovery.
 */
public final class KafkaBroker implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final int TOPIC_PARTITIONS = 3;
    /** One broker: every replication factor and min ISR is one. */
    private static final short REPLICATION_FACTOR = 1;

    /** The platform's topics and their dead-letter topics. */
    public static final List<String> PLATFORM_TOPICS = Stream.of(Topics.TICKETS, Topics.DISPATCH, Topics.RETURNS, Topics.FEEDBACK)
            .flatMap(topic -> Stream.of(topic, Topics.deadLetterOf(topic)))
            .toList();

    public static final String JVM_OPTS_VARIABLE = "AFTERSALES_KAFKA_JVM_OPTS";
    /** ~170-260 MB RSS measured; the cleaner's dedupe buffer is shrunk so it fits the small heap. */
    public static final String DEFAULT_JVM_OPTS = "-Xms64m -Xmx256m -XX:+UseSerialGC -Xss512k -Djava.awt.headless=true";

    private static final int NODE_ID = 1;
    private static final long CLEANER_DEDUPE_BUFFER_BYTES = 8L * 1024 * 1024;
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(10);
    private static final String SERVER_PROPERTIES = "server.properties";
    private static final String FORMATTED_MARKER = "meta.properties";
    /** {@link #start(Path, int, int, int, Path)} without a partner listener. */
    public static final int NO_PARTNER_LISTENER = 0;
    public static final String PARTNER_MECHANISM = "SCRAM-SHA-512";
    private static final int SCRAM_ITERATIONS = 8192;
    private static final String SLF4J_SIMPLE_PROVIDER = "org.slf4j.simple.SimpleServiceProvider";
    private static final String LOGBACK_CONTEXT = "ch.qos.logback.classic.LoggerContext";

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Duration startTime;

    private KafkaBroker(Process process, int port, Path logFile, Duration startTime) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.startTime = startTime;
    }

    /**
     * Writes {@code <kafkaDir>/server.properties}, formats {@code <kafkaDir>/data} unless it already is, starts
     * the broker and waits until it answers an admin request.
     */
    public static KafkaBroker start(Path kafkaDir, int port, int controllerPort, Path logFile) {
        return start(kafkaDir, port, controllerPort, NO_PARTNER_LISTENER, logFile);
    }

    /**
     * As {@link #start(Path, int, int, Path)} with the PARTNER listener on {@code partnerPort} (0: none): SASL/SCRAM-SHA-512,
     * every partner limited by ACLs to its own topics and groups ({@link #grantPartner}), as in compose. The services and
     * tools on the PLAINTEXT listener on 127.0.0.1 are the unauthenticated super user, so nothing changes for them.
     */
    public static KafkaBroker start(Path kafkaDir, int port, int controllerPort, int partnerPort, Path logFile) {
        return start(kafkaDir, port, port, controllerPort, partnerPort, logFile);
    }

    /**
     * As {@link #start(Path, int, int, int, Path)} with the PLAINTEXT listener on {@code listenPort} but advertised as
     * {@code advertisedPort}: a proxy on that port ({@link TcpProxy}) carries every client's traffic, the bootstrap
     * and the connections metadata points to. The proxy must be listening before the broker starts.
     */
    public static KafkaBroker start(Path kafkaDir, int listenPort, int advertisedPort, int controllerPort, int partnerPort,
                                    Path logFile) {
        int port = advertisedPort;
        Ports.requireFree(listenPort, "Kafka");
        if (partnerPort != NO_PARTNER_LISTENER) {
            Ports.requireFree(partnerPort, "the Kafka partner listener");
        }
        Ports.requireFree(controllerPort, "the Kafka controller");
        long started = System.nanoTime();
        try {
            Files.createDirectories(kafkaDir);
            Files.createDirectories(logFile.getParent());
            Path dataDir = kafkaDir.resolve("data");
            Path config = kafkaDir.resolve(SERVER_PROPERTIES);
            writeServerProperties(config, dataDir, listenPort, advertisedPort, controllerPort, partnerPort);
            List<String> jvm = jvmCommand(kafkaDir);
            if (!Files.exists(dataDir.resolve(FORMATTED_MARKER))) {
                format(jvm, config, logFile);
            }
            List<String> command = new ArrayList<>(jvm);
            command.add("kafka.Kafka");
            command.add(config.toString());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            try {
                awaitReady(process, listenPort, advertisedPort, logFile);
            } catch (RuntimeException e) {
                process.destroyForcibly();
                throw e;
            }
            return new KafkaBroker(process, port, logFile, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Kafka in " + kafkaDir, e);
        }
    }

    /** Creates those of {@code topics} that do not exist yet; existing topics are left as they are. */
    public void ensureTopics(Collection<String> topics, int partitions) {
        try (Admin admin = admin(port)) {
            Set<String> existing = admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, partitions, REPLICATION_FACTOR))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            for (var result : admin.createTopics(missing).values().values()) {
                try {
                    result.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Could not create topics " + topics + " on " + bootstrapServers(), e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers(port);
    }

    /** The SCRAM user of a partner depot: {@code partner-<depot>}, as compose names it. */
    public static String partnerUser(String depot) {
        return "partner-" + depot;
    }

    /**
     * Gives a partner depot its SCRAM credentials and ACLs (the broker must run with the PARTNER listener): it may read
     * and describe the topics {@code aftersales.partner.<depot>.*} and use the consumer groups {@code partner-<depot>*},
     * nothing else. Safe to repeat: the password is replaced, the ACLs exist once.
     */
    public void grantPartner(String depot, String password) {
        String user = partnerUser(depot);
        try (Admin admin = admin(port)) {
            admin.alterUserScramCredentials(List.of(new org.apache.kafka.clients.admin.UserScramCredentialUpsertion(user,
                    new org.apache.kafka.clients.admin.ScramCredentialInfo(org.apache.kafka.clients.admin.ScramMechanism.SCRAM_SHA_512,
                            SCRAM_ITERATIONS), password))).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            org.apache.kafka.common.acl.AccessControlEntry read = entry(user, org.apache.kafka.common.acl.AclOperation.READ);
            org.apache.kafka.common.acl.AccessControlEntry describe = entry(user, org.apache.kafka.common.acl.AclOperation.DESCRIBE);
            org.apache.kafka.common.resource.ResourcePattern topics = new org.apache.kafka.common.resource.ResourcePattern(
                    org.apache.kafka.common.resource.ResourceType.TOPIC, "aftersales.partner." + depot + ".",
                    org.apache.kafka.common.resource.PatternType.PREFIXED);
            org.apache.kafka.common.resource.ResourcePattern groups = new org.apache.kafka.common.resource.ResourcePattern(
                    org.apache.kafka.common.resource.ResourceType.GROUP, user, org.apache.kafka.common.resource.PatternType.PREFIXED);
            admin.createAcls(List.of(new org.apache.kafka.common.acl.AclBinding(topics, read),
                    new org.apache.kafka.common.acl.AclBinding(topics, describe),
                    new org.apache.kafka.common.acl.AclBinding(groups, read))).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Could not grant partner " + depot + " its Kafka access", e);
        }
    }

    private static org.apache.kafka.common.acl.AccessControlEntry entry(String user, org.apache.kafka.common.acl.AclOperation operation) {
        return new org.apache.kafka.common.acl.AccessControlEntry("User:" + user, "*", operation,
                org.apache.kafka.common.acl.AclPermissionType.ALLOW);
    }

    public static String bootstrapServers(int port) {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Wall time of {@link #start}: formatting (first run only), JVM start and broker start-up. */
    public Duration startTime() {
        return startTime;
    }

    public Path logFile() {
        return logFile;
    }

    /** SIGTERM, then a forced kill if the broker has not shut down cleanly in time. */
    @Override
    public void close() {
        ChildProcesses.stop(process, SHUTDOWN_TIMEOUT);
    }

    static void writeServerProperties(Path config, Path dataDir, int port, int controllerPort) throws IOException {
        writeServerProperties(config, dataDir, port, controllerPort, NO_PARTNER_LISTENER);
    }

    static void writeServerProperties(Path config, Path dataDir, int port, int controllerPort, int partnerPort) throws IOException {
        writeServerProperties(config, dataDir, port, port, controllerPort, partnerPort);
    }

    static void writeServerProperties(Path config, Path dataDir, int port, int advertisedPort, int controllerPort,
                                      int partnerPort) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        boolean partners = partnerPort != NO_PARTNER_LISTENER;
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", String.valueOf(NODE_ID));
        properties.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        properties.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort
                + (partners ? ",PARTNER://" + HOST + ":" + partnerPort : ""));
        properties.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + advertisedPort + (partners ? ",PARTNER://" + HOST + ":" + partnerPort : ""));
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"
                + (partners ? ",PARTNER:SASL_PLAINTEXT" : ""));
        if (partners) {
            // As compose: partners authenticate with SCRAM (credentials in the KRaft metadata) and see only what
            // their ACLs grant; the loopback PLAINTEXT listener's unauthenticated services are the super user.
            properties.put("listener.name.partner.sasl.enabled.mechanisms", PARTNER_MECHANISM);
            properties.put("listener.name.partner.scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
            properties.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            properties.put("super.users", "User:ANONYMOUS");
            properties.put("allow.everyone.if.no.acl.found", "false");
        }
        properties.put("log.dirs", dataDir.toAbsolutePath().toString());
        properties.put("num.partitions", String.valueOf(TOPIC_PARTITIONS));
        properties.put("default.replication.factor", String.valueOf(REPLICATION_FACTOR));
        properties.put("min.insync.replicas", "1");
        properties.put("offsets.topic.replication.factor", String.valueOf(REPLICATION_FACTOR));
        properties.put("transaction.state.log.replication.factor", String.valueOf(REPLICATION_FACTOR));
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", String.valueOf(REPLICATION_FACTOR));
        properties.put("share.coordinator.state.topic.min.isr", "1");
        // Consumers of a one-broker dev cluster should not wait for more members to join.
        properties.put("group.initial.rebalance.delay.ms", "0");
        // The default 128 MB dedupe buffer does not fit the small heap.
        properties.put("log.cleaner.dedupe.buffer.size", String.valueOf(CLEANER_DEDUPE_BUFFER_BYTES));
        StringBuilder text = new StringBuilder("# Written by the aftersales launcher on every start; edits are overwritten.\n");
        properties.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.writeString(config, text.toString(), StandardCharsets.UTF_8);
    }

    /** {@code java <opts> <logging> -cp <launcher class path>}: the broker runs from the jars the launcher ships. */
    static List<String> jvmCommand(Path kafkaDir) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ChildProcesses.javaExecutable());
        command.addAll(ChildProcesses.jvmOptions(JVM_OPTS_VARIABLE, DEFAULT_JVM_OPTS));
        command.addAll(loggingOptions(kafkaDir));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        return command;
    }

    /**
     * Kafka logs through slf4j and needs a binding on the class path. The launcher ships slf4j-simple (chosen
     * explicitly, since a host project may bring another one); a host project with only Logback gets a small
     * Logback configuration instead. Either way the output goes to stderr, which is the broker log file.
     */
    private static List<String> loggingOptions(Path kafkaDir) throws IOException {
        if (isPresent(SLF4J_SIMPLE_PROVIDER)) {
            return List.of(
                    "-Dslf4j.provider=" + SLF4J_SIMPLE_PROVIDER,
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                    "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info",
                    "-Dorg.slf4j.simpleLogger.log.kafka=info",
                    "-Dorg.slf4j.simpleLogger.showDateTime=true",
                    "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS",
                    "-Dorg.slf4j.simpleLogger.showThreadName=false");
        }
        if (isPresent(LOGBACK_CONTEXT)) {
            Path logback = kafkaDir.resolve("logback.xml");
            Files.writeString(logback, """
                    <configuration>
                      <appender name="STDERR" class="ch.qos.logback.core.ConsoleAppender">
                        <target>System.err</target>
                        <encoder><pattern>%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
                      </appender>
                      <root level="INFO"><appender-ref ref="STDERR"/></root>
                    </configuration>
                    """, StandardCharsets.UTF_8);
            return List.of("-Dlogback.configurationFile=" + logback.toAbsolutePath());
        }
        return List.of();
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, KafkaBroker.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void format(List<String> jvm, Path config, Path logFile) throws IOException {
        List<String> command = new ArrayList<>(jvm);
        command.addAll(Arrays.asList("kafka.tools.StorageTool", "format",
                "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString()));
        Process format = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        try {
            if (!format.waitFor(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                format.destroyForcibly();
                throw new IllegalStateException("Formatting Kafka storage took longer than " + FORMAT_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            format.destroyForcibly();
            throw new IllegalStateException("Interrupted while formatting Kafka storage", e);
        }
        if (format.exitValue() != 0) {
            throw new IllegalStateException("kafka.tools.StorageTool format failed (exit " + format.exitValue() + ")"
                    + System.lineSeparator() + LogFiles.tail(logFile));
        }
    }

    private static void awaitReady(Process process, int port, int advertisedPort, Path logFile) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        // TCP first: the admin client logs a warning for every refused connection.
        while (!Ports.inUse(port)) {
            checkAlive(process, logFile);
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka did not open port " + port + " within " + STARTUP_TIMEOUT
                        + System.lineSeparator() + LogFiles.tail(logFile));
            }
            ChildProcesses.sleep(POLL_INTERVAL);
        }
        try (Admin admin = admin(advertisedPort)) {
            while (true) {
                checkAlive(process, logFile);
                try {
                    if (!admin.describeCluster().nodes().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka did not answer within " + STARTUP_TIMEOUT
                                + System.lineSeparator() + LogFiles.tail(logFile), e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                }
                ChildProcesses.sleep(POLL_INTERVAL);
            }
        }
    }

    private static void checkAlive(Process process, Path logFile) {
        if (!process.isAlive()) {
            throw new IllegalStateException("Kafka exited with code " + process.exitValue() + " during start-up"
                    + System.lineSeparator() + LogFiles.tail(logFile));
        }
    }

    static Admin admin(int port) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(port));
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "aftersales-launcher");
        return Admin.create(properties);
    }
}
