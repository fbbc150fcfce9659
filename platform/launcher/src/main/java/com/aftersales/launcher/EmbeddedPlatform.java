package com.aftersales.launcher;

import com.aftersales.devidentity.DevUser;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * The whole platform on this machine, no Docker: PostgreSQL and Kafka (started in parallel), then the four
 * backends (in parallel), then the gateway, then optionally the demo data. {@link #close()} stops them in
 * reverse order. A JVM shutdown hook closes a platform that was not closed, so the end of a test run leaves
 * no child process behind; hooks run concurrently, so there PostgreSQL (zonky's own hook) may stop before the
 * services, which only slows their shutdown. Call {@link #close()} for the ordered stop.
 *
 * <p>With {@link PlatformOptions#instances()} of 2 every backend runs twice (same database, same consumer groups)
 * and the gateway balances across both; {@link #instances(PlatformService)}, {@link #kill(ServiceInstance)} and
 * {@link #restart(ServiceInstance)} let fault tests take one away and bring it back.
 *
 * <pre>{@code
 * try (EmbeddedPlatform platform = EmbeddedPlatform.start(PlatformOptions.withFreePorts(projectRoot, tempDir))) {
 *     String tickets = platform.gatewayUrl() + "/api/tickets";
 * }
 * }</pre>
 */
public final class EmbeddedPlatform implements AutoCloseable {

    public static final String TIMING_POSTGRES = "postgres";
    public static final String TIMING_KAFKA = "kafka";
    public static final String TIMING_KEYCLOAK = "keycloak";
    public static final String TIMING_INFRASTRUCTURE = "postgres+kafka";
    public static final String TIMING_BACKENDS = "backends";
    public static final String TIMING_DEMO_DATA = "demo data";
    public static final String TIMING_TOTAL = "total";

    private final PlatformOptions options;
    private final PostgresServer postgres;
    /** Servers of the backends in {@link PlatformOptions#dedicatedPostgres()}; absent while stopped. */
    private final Map<PlatformService, PostgresServer> dedicatedPostgres = new ConcurrentHashMap<>();
    /** Dedicated servers moved behind a proxy ({@link #proxyPostgres}): their own port, and the proxy on theirs. */
    private final Map<PlatformService, Integer> postgresBehindProxy = new ConcurrentHashMap<>();
    private final Map<PlatformService, TcpProxy> postgresProxies = new ConcurrentHashMap<>();
    /** The identity provider when it is Keycloak ({@link PlatformOptions#keycloak()}); else {@code null}. */
    private volatile KeycloakServer keycloak;
    /** Replaced by {@link #startKafka()} after {@link #stopKafka()}. */
    private volatile KafkaBroker kafka;
    /** In front of the broker's PLAINTEXT listener when {@link PlatformOptions#kafkaBehindProxy()}; else null. */
    private final TcpProxy kafkaProxy;
    /** Where the broker listens: the Kafka port, or a port of its own behind {@link #kafkaProxy}. */
    private final int kafkaListenPort;
    /** In front of the gateway instances when {@link PlatformOptions#gatewayPorts()} is not empty; else null. */
    private volatile TcpProxy gatewayBalancer;
    private final Map<ServiceInstance, ServiceProcess> services = new ConcurrentHashMap<>();
    private final Map<String, Duration> timings = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Thread shutdownHook = new Thread(this::closeQuietly, "aftersales-platform-shutdown");
    private volatile boolean closed;
    private volatile int demoTicketsAccepted;
    /** This run's development issuer: every service and the gateway trust its key, and only its key. */
    private final DemoIdentities identities;

    private EmbeddedPlatform(PlatformOptions options, DemoIdentities identities, PostgresServer postgres, KafkaBroker kafka,
                             TcpProxy kafkaProxy, int kafkaListenPort) {
        this.options = options;
        this.kafkaProxy = kafkaProxy;
        this.kafkaListenPort = kafkaListenPort;
        this.postgres = postgres;
        this.kafka = kafka;
        this.identities = identities;
    }

    /** Starts everything and returns when the gateway is ready (and the demo data is in, when asked for). */
    public static EmbeddedPlatform start(PlatformOptions options) {
        return start(options, System.out);
    }

    /** As {@link #start(PlatformOptions)}, reporting demo data problems on {@code out}. */
    public static EmbeddedPlatform start(PlatformOptions options, PrintStream out) {
        requireExecJars(options.projectRoot());
        long started = System.nanoTime();
        DemoIdentities identities = DemoIdentities.create(options);
        ServiceInstance authorizationServer = options.instancesOf(PlatformService.AUTHORIZATION_SERVER).get(0);
        // One start-up thread per backend: with two instances each, the second wave starts as the first gets ready.
        ExecutorService pool = Executors.newFixedThreadPool(PlatformService.BACKENDS.size(), daemonThreads());
        int kafkaListenPort = options.kafkaBehindProxy() ? Ports.free(1).get(0) : options.kafkaPort();
        TcpProxy kafkaProxy = options.kafkaBehindProxy() ? TcpProxy.start(options.kafkaPort(), kafkaListenPort) : null;
        boolean platformBuilt = false;
        try {
            // The identity provider (the authorization server, or Keycloak) needs neither: it starts beside them.
            Callable<AutoCloseable> identityProvider = options.keycloak() == null
                    ? () -> startProcess(options, identities, authorizationServer)
                    : () -> startKeycloak(options, identities);
            List<AutoCloseable> infrastructure = startAll(pool, List.of(
                    () -> PostgresServer.start(options.postgresDir(), options.postgresPort(), options.logDir().resolve("postgres.log")),
                    () -> startKafka(options, kafkaListenPort),
                    identityProvider));
            EmbeddedPlatform platform = new EmbeddedPlatform(options, identities, (PostgresServer) infrastructure.get(0),
                    (KafkaBroker) infrastructure.get(1), kafkaProxy, kafkaListenPort);
            platformBuilt = true;
            if (infrastructure.get(2) instanceof KeycloakServer keycloak) {
                platform.keycloak = keycloak;
                platform.timings.put(TIMING_KEYCLOAK, keycloak.startTime());
            } else {
                ServiceProcess process = (ServiceProcess) infrastructure.get(2);
                platform.services.put(authorizationServer, process);
                platform.timings.put(authorizationServer.name(), process.startTime());
            }
            Runtime.getRuntime().addShutdownHook(platform.shutdownHook);
            try {
                platform.timings.put(TIMING_POSTGRES, platform.postgres.startTime());
                platform.timings.put(TIMING_KAFKA, platform.kafka.startTime());
                platform.timings.put(TIMING_INFRASTRUCTURE, since(started));
                for (PlatformService service : options.dedicatedPostgres().keySet()) {
                    platform.startPostgres(service);
                }
                platform.postgres.ensureDatabases(PlatformService.BACKENDS.stream()
                        .filter(service -> !options.dedicatedPostgres().containsKey(service))
                        .map(service -> service.database().orElseThrow()).toList());
                platform.kafka.ensureTopics(KafkaBroker.PLATFORM_TOPICS, KafkaBroker.TOPIC_PARTITIONS);

                long backendsStarted = System.nanoTime();
                List<Callable<AutoCloseable>> backends = new ArrayList<>();
                for (PlatformService backend : PlatformService.BACKENDS) {
                    for (ServiceInstance instance : options.instancesOf(backend)) {
                        backends.add(() -> platform.launch(instance));
                    }
                }
                startAll(pool, backends);
                platform.timings.put(TIMING_BACKENDS, since(backendsStarted));
                for (ServiceInstance gateway : options.instancesOf(PlatformService.GATEWAY)) {
                    platform.launch(gateway);
                }
                if (!options.gatewayPorts().isEmpty()) {
                    platform.gatewayBalancer = TcpProxy.balance(options.servicePort(PlatformService.GATEWAY), options.gatewayPorts());
                }

                if (options.loadDemoData()) {
                    long demoStarted = System.nanoTime();
                    platform.demoTicketsAccepted = DemoData.load(platform.gatewayUrl(), platform.identities.adminToken(), out);
                    platform.timings.put(TIMING_DEMO_DATA, since(demoStarted));
                }
                platform.identities.issueDemoTokens(platform.gatewayUrl());
                // Each partner depot reads its own topics on the PARTNER listener with its own SCRAM login.
                for (String depot : platform.identities.partnerDepots()) {
                    platform.kafka.grantPartner(depot, platform.identities.kafkaPartnerPassword(depot));
                }
                platform.timings.put(TIMING_TOTAL, since(started));
                return platform;
            } catch (RuntimeException e) {
                platform.closeQuietly();
                throw e;
            }
        } finally {
            pool.shutdownNow();
            if (!platformBuilt && kafkaProxy != null) {
                kafkaProxy.close();
            }
        }
    }

    private static KafkaBroker startKafka(PlatformOptions options, int listenPort) {
        return KafkaBroker.start(options.kafkaDir(), listenPort, options.kafkaPort(), options.kafkaControllerPort(),
                options.kafkaPartnerPort(), options.logDir().resolve("kafka.log"));
    }

    /**
     * The TCP proxy every client's Kafka traffic passes (the broker advertises it), to slow the broker down or cut it
     * off ({@link TcpProxy#partition()}); only with {@link PlatformOptions.Builder#kafkaBehindProxy(boolean)}.
     */
    public TcpProxy kafkaProxy() {
        if (kafkaProxy == null) {
            throw new IllegalStateException("The broker is not behind a proxy: PlatformOptions.Builder#kafkaBehindProxy");
        }
        return kafkaProxy;
    }

    public PlatformOptions options() {
        return options;
    }

    public String gatewayUrl() {
        return serviceUrl(PlatformService.GATEWAY);
    }

    public String serviceUrl(PlatformService service) {
        return serviceUrl(options, service);
    }

    /** Actuator of the first instance: {@code /actuator/health} with its components, {@code /actuator/prometheus}. */
    public String managementUrl(PlatformService service) {
        return options.instancesOf(service).get(0).managementUrl();
    }

    /**
     * {@code jdbc:postgresql://127.0.0.1:<port>/<database>} on the server that holds the database (a dedicated one
     * when configured); the role and its password equal the database name, the superuser may connect too.
     */
    public String jdbcUrl(String database) {
        return PostgresServer.jdbcUrl(postgresPortOf(database), database);
    }

    private int postgresPortOf(String database) {
        return PlatformService.BACKENDS.stream()
                .filter(service -> service.database().orElseThrow().equals(database))
                .findFirst()
                .map(options::postgresPort)
                .orElse(options.postgresPort());
    }

    /**
     * Stops the PostgreSQL server of a backend that has one of its own ({@link PlatformOptions#dedicatedPostgres()}),
     * fast shutdown: open transactions roll back, connections break. The service keeps running and sees its
     * database gone, as in an outage. {@link #startPostgres(PlatformService)} brings it back with its data.
     */
    public synchronized void stopPostgres(PlatformService service) {
        requireDedicatedPostgres(service);
        PostgresServer server = dedicatedPostgres.remove(service);
        if (server != null) {
            server.close();
        }
    }

    /** Starts a backend's own PostgreSQL server (again) on its port with its data; a running one is left alone. */
    public synchronized void startPostgres(PlatformService service) {
        requireDedicatedPostgres(service);
        if (closed) {
            throw new IllegalStateException("The platform is closed");
        }
        if (!dedicatedPostgres.containsKey(service)) {
            String database = service.database().orElseThrow();
            PostgresServer server = PostgresServer.start(options.postgresDir(service),
                    postgresBehindProxy.getOrDefault(service, options.postgresPort(service)),
                    options.logDir().resolve("postgres-" + database + ".log"));
            dedicatedPostgres.put(service, server);
            server.ensureDatabases(List.of(database));
        }
    }

    /**
     * Puts a TCP proxy on a backend's own PostgreSQL port and moves the server behind it, to a free port: the services
     * keep their settings and reconnect through the proxy (their connections drop once, as in a failover). Fault tests
     * slow the database down with {@link TcpProxy#latency}. Stopping and starting the server keeps it behind the proxy.
     */
    public synchronized TcpProxy proxyPostgres(PlatformService service) {
        requireDedicatedPostgres(service);
        TcpProxy existing = postgresProxies.get(service);
        if (existing != null) {
            return existing;
        }
        int behind = Ports.free(1).get(0);
        stopPostgres(service);
        postgresBehindProxy.put(service, behind);
        startPostgres(service);
        TcpProxy proxy = TcpProxy.start(options.postgresPort(service), behind);
        postgresProxies.put(service, proxy);
        return proxy;
    }

    public boolean isPostgresRunning(PlatformService service) {
        return !options.dedicatedPostgres().containsKey(service) || dedicatedPostgres.containsKey(service);
    }

    private void requireDedicatedPostgres(PlatformService service) {
        if (!options.dedicatedPostgres().containsKey(service)) {
            throw new IllegalArgumentException(service.module() + " shares the PostgreSQL server with the other services; "
                    + "give it its own with PlatformOptions.Builder#dedicatedPostgres to stop it alone");
        }
    }

    /**
     * Stops the Kafka broker (SIGTERM, clean shutdown); services keep running, their producers and consumers
     * retry. {@link #startKafka()} brings it back on the same port with its logs and committed offsets.
     */
    public synchronized void stopKafka() {
        kafka.close();
    }

    /** Starts the broker again after {@link #stopKafka()} and returns when it answers; a running one is left alone. */
    public synchronized void startKafka() {
        if (closed) {
            throw new IllegalStateException("The platform is closed");
        }
        if (!kafka.isRunning()) {
            kafka = startKafka(options, kafkaListenPort);
        }
    }

    public boolean isKafkaRunning() {
        return kafka.isRunning();
    }

    public String superuserJdbcUrl() {
        return postgres.superuserJdbcUrl();
    }

    public String superuser() {
        return PostgresServer.SUPERUSER;
    }

    public String superuserPassword() {
        return PostgresServer.SUPERUSER_PASSWORD;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public Path logDir() {
        return options.logDir();
    }

    public Path logFile(PlatformService service) {
        return options.logDir().resolve(service.module() + ".log");
    }

    /** Log of one instance: {@code <module>.log} for the first, {@code <module>-<n>.log} for the others. */
    public Path logFile(ServiceInstance instance) {
        return options.logDir().resolve(instance.name() + ".log");
    }

    /** True when every instance of the service is running. */
    public boolean isRunning(PlatformService service) {
        return instances(service).stream().allMatch(this::isRunning);
    }

    public boolean isRunning(ServiceInstance instance) {
        ServiceProcess process = services.get(instance);
        return process != null && process.isRunning();
    }

    /**
     * Every instance of the service, running or not, in order: one for the gateway, {@link PlatformOptions#instances()}
     * for each backend. The gateway balances across all of them and skips those that are not ready.
     */
    public List<ServiceInstance> instances(PlatformService service) {
        return options.instancesOf(service);
    }

    /** Instance {@code index} (1-based) of the service. */
    public ServiceInstance instance(PlatformService service, int index) {
        List<ServiceInstance> all = instances(service);
        if (index < 1 || index > all.size()) {
            throw new IllegalArgumentException(service.module() + " has instances 1.." + all.size() + ", not " + index);
        }
        return all.get(index - 1);
    }

    /** OS process id of a running service's first instance, e.g. to measure its memory. */
    public long pid(PlatformService service) {
        return pid(firstInstance(service));
    }

    public long pid(ServiceInstance instance) {
        ServiceProcess process = services.get(instance);
        if (process == null || !process.isRunning()) {
            throw new IllegalStateException(instance + " is not running");
        }
        return process.pid();
    }

    /**
     * SIGKILL: the instance dies at once, mid-request and mid-transaction, without shutdown hooks (no graceful
     * shutdown, no consumer commit, no outbox flush). Returns when the process is gone. A stopped instance is
     * left alone. {@link #restart(ServiceInstance)} brings it back.
     */
    public synchronized void kill(ServiceInstance instance) {
        ServiceProcess process = services.remove(instance);
        if (process != null) {
            process.kill();
        }
    }

    /** SIGTERM and wait (Spring's graceful shutdown: in-flight requests finish, consumers commit, the outbox flushes). */
    public synchronized void stop(ServiceInstance instance) {
        ServiceProcess process = services.remove(instance);
        if (process != null) {
            process.close();
        }
    }

    /**
     * Starts the instance again on its port and returns when it is ready; a running one is stopped gracefully
     * first. Data is in PostgreSQL and Kafka, so it catches up from where its database and consumer group are.
     */
    public synchronized void restart(ServiceInstance instance) {
        if (closed) {
            throw new IllegalStateException("The platform is closed");
        }
        stop(instance);
        launch(instance);
    }

    public long kafkaPid() {
        return kafka.pid();
    }

    /**
     * Stops every instance of one service gracefully (SIGTERM, then a kill after a timeout); stopped ones are
     * left alone.
     */
    public synchronized void stopService(PlatformService service) {
        stopAll(service);
    }

    /** Not synchronized: {@link #close()} stops the backends from several threads while holding the lock. */
    private void stopAll(PlatformService service) {
        instances(service).parallelStream().forEach(instance -> {
            ServiceProcess process = services.remove(instance);
            if (process != null) {
                process.close();
            }
        });
    }

    /** Starts the stopped instances of a service again on their ports and waits until they are ready. */
    public synchronized void startService(PlatformService service) {
        if (closed) {
            throw new IllegalStateException("The platform is closed");
        }
        for (ServiceInstance instance : instances(service)) {
            if (!isRunning(instance)) {
                services.remove(instance);
                launch(instance);
            }
        }
    }

    /**
     * Start-up wall times: {@value #TIMING_POSTGRES}, {@value #TIMING_KAFKA}, {@value #TIMING_INFRASTRUCTURE},
     * each module name, {@value #TIMING_BACKENDS}, {@value #TIMING_DEMO_DATA} (when loaded), {@value #TIMING_TOTAL}.
     */
    public Map<String, Duration> timings() {
        synchronized (timings) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(timings));
        }
    }

    /** Demo tickets the gateway accepted on start; zero when demo data was not asked for. */
    public int demoTicketsAccepted() {
        return demoTicketsAccepted;
    }

    /**
     * A ready bearer token per role of the security contract (AGENT, STORE, ... ADMIN), issued by the authorization
     * server to the role's script client ({@link DemoIdentities#scriptClientId(String)}) with client credentials;
     * valid {@link DemoIdentities#TOKEN_VALIDITY}.
     */
    public Map<String, String> demoTokens() {
        return identities.tokens();
    }

    /**
     * The people who can log in through the authorization server's login form (the desk, Swagger UI), with their
     * passwords: agents, a clerk per demo store, a supervisor, the demo technicians (once the demo data has created
     * them), QC, the demo depot's partner user, ops, admin.
     */
    public List<DemoUser> demoUsers() {
        return identities.users();
    }

    /** The first demo user of a role. */
    public DemoUser demoUser(String role) {
        return identities.user(role);
    }

    /** The authorization server: {@code iss} of every token, and the base of its endpoints for browsers. */
    public String issuer() {
        return identities.issuer();
    }

    /**
     * The authorization server on the loopback address (token endpoint {@code /oauth2/token}, JWKS, discovery), or with
     * Keycloak its realm ({@code .../realms/aftersales}).
     */
    public String authorizationServerUrl() {
        return options.keycloak() == null ? serviceUrl(PlatformService.AUTHORIZATION_SERVER) : options.keycloak().realmUrl();
    }

    /** The password of Keycloak's bootstrap administrator (user {@code admin}); only with {@code --identity keycloak}. */
    public String keycloakAdminPassword() {
        return identities.keycloakAdminPassword();
    }

    /** Whether Keycloak issues this platform's tokens ({@code --identity keycloak}). */
    public boolean keycloak() {
        return options.keycloak() != null;
    }

    /** A fresh client-credentials token of a directory client (a script client per role, a partner depot's client). */
    public String clientCredentialsToken(String clientId) {
        return identities.clientCredentials(clientId);
    }

    /** The broker's PARTNER listener (SASL_PLAINTEXT, SCRAM-SHA-512), e.g. {@code 127.0.0.1:19095}. */
    public String partnerBootstrapServers() {
        return KafkaBroker.bootstrapServers(options.kafkaPartnerPort());
    }

    /** Partner depots' Kafka logins: SCRAM user ({@code partner-<depot>}) to password. */
    public Map<String, String> partnerKafkaLogins() {
        Map<String, String> logins = new java.util.LinkedHashMap<>();
        identities.partnerDepots().forEach(depot -> logins.put(KafkaBroker.partnerUser(depot), identities.kafkaPartnerPassword(depot)));
        return logins;
    }

    /** Partner depot clients of the directory: client id to secret. */
    public Map<String, String> depotClients() {
        return identities.depotClients();
    }

    /**
     * A token for any user, signed with the authorization server's key and issuer (from its data directory): for
     * identities its directory does not hold, e.g. a second depot partner for an isolation test, or a technician the
     * test created.
     */
    public String mintToken(DevUser user, Duration validity) {
        return identities.mint(user, validity);
    }

    /** The authorization server's signing key and issuer, for tests that need unusual tokens (another audience, ...). */
    public com.aftersales.devidentity.DevIdentity authorizationServerKey() {
        return identities.signingKey();
    }

    /** {@code tokens.env} of this run ({@code export AGENT_TOKEN=...}). */
    public Path tokensFile() {
        return identities.tokensFile();
    }

    /**
     * Environment of a service process: where its port, database and Kafka (or, for the gateway, the backends:
     * a comma-separated list of every instance's URL, balanced by the gateway) are.
     */
    static Map<String, String> environment(PlatformOptions options, PlatformService service) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", String.valueOf(options.servicePort(service)));
        if (service.equals(PlatformService.AUTHORIZATION_SERVER)) {
            return environment;
        }
        if (service.database().isPresent()) {
            String database = service.database().get();
            environment.put("SPRING_DATASOURCE_URL", PostgresServer.jdbcUrl(options.postgresPort(service), database));
            environment.put("SPRING_DATASOURCE_USERNAME", database);
            environment.put("SPRING_DATASOURCE_PASSWORD", database);
            environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.bootstrapServers(options.kafkaPort()));
            // On this machine only: the API and the actuator listen on loopback, the actuator on a port of its own.
            environment.put("AFTERSALES_BIND_ADDRESS", ServiceProcess.HOST);
            environment.put("MANAGEMENT_SERVER_PORT",
                    String.valueOf(PlatformService.managementPort(options.servicePort(service))));
            environment.put("MANAGEMENT_SERVER_ADDRESS", ServiceProcess.HOST);
            environment.putAll(options.backendEnvironment());
        } else {
            for (PlatformService backend : PlatformService.BACKENDS) {
                environment.put(backend.urlVariable(), String.join(",",
                        options.instancesOf(backend).stream().map(ServiceInstance::url).toList()));
            }
        }
        return environment;
    }

    static String serviceUrl(PlatformOptions options, PlatformService service) {
        return "http://" + ServiceProcess.HOST + ":" + options.servicePort(service);
    }

    private ServiceInstance firstInstance(PlatformService service) {
        return instances(service).get(0);
    }

    private ServiceProcess launch(ServiceInstance instance) {
        ServiceProcess process = startProcess(options, identities, instance);
        services.put(instance, process);
        timings.put(instance.name(), process.startTime());
        return process;
    }

    /** Keycloak with the shipped realm, then the launcher's people and clients written into it. */
    private static KeycloakServer startKeycloak(PlatformOptions options, DemoIdentities identities) {
        KeycloakServer server = KeycloakServer.start(options.keycloak(), options.keycloakDir(),
                options.projectRoot().resolve(KeycloakIdentity.REALM_FILE), KeycloakDirectory.ADMIN_USER,
                identities.keycloakAdminPassword(), options.logDir().resolve("keycloak.log"));
        try {
            identities.useKeycloak();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static ServiceProcess startProcess(PlatformOptions options, DemoIdentities identities, ServiceInstance instance) {
        PlatformService service = instance.service();
        Map<String, String> environment = new LinkedHashMap<>(environment(options, service));
        if (service.equals(PlatformService.AUTHORIZATION_SERVER)) {
            environment.putAll(identities.serverEnvironment(serviceUrl(options, PlatformService.GATEWAY)));
        } else if (service.equals(PlatformService.GATEWAY)) {
            environment.putAll(identities.gatewayEnvironment());
        } else {
            environment.putAll(identities.environment());
        }
        return ServiceProcess.start(service, LauncherVersion.execJar(options.projectRoot(), service),
                instance.port(), environment, options.logDir().resolve(instance.name() + ".log"), options.serviceStartTimeout());
    }

    /** Gateway first, then the backends in parallel, the authorization server, Kafka, then PostgreSQL. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // close() is running inside the hook itself, or beside another hook: nothing to unregister.
        }
        if (gatewayBalancer != null) {
            gatewayBalancer.close();
        }
        stopAll(PlatformService.GATEWAY);
        PlatformService.BACKENDS.parallelStream().forEach(this::stopAll);
        stopAll(PlatformService.AUTHORIZATION_SERVER);
        if (keycloak != null) {
            keycloak.close();
        }
        try {
            kafka.close();
        } finally {
            if (kafkaProxy != null) {
                kafkaProxy.close();
            }
            postgresProxies.values().forEach(TcpProxy::close);
            dedicatedPostgres.values().forEach(PostgresServer::close);
            postgres.close();
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("aftersales: error while stopping the platform: " + e);
        }
    }

    /**
     * Runs the tasks in parallel and returns their results in task order. When any fails, the ones that
     * did start are closed and the first failure is thrown with the others suppressed.
     */
    private static List<AutoCloseable> startAll(ExecutorService pool, List<? extends Callable<? extends AutoCloseable>> tasks) {
        List<Future<? extends AutoCloseable>> futures = new ArrayList<>();
        for (Callable<? extends AutoCloseable> task : tasks) {
            futures.add(pool.submit(task));
        }
        List<AutoCloseable> started = new ArrayList<>();
        RuntimeException failure = null;
        for (Future<? extends AutoCloseable> future : futures) {
            try {
                started.add(future.get());
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime
                        ? runtime : new IllegalStateException(e.getCause());
                failure = addFailure(failure, cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = addFailure(failure, new IllegalStateException("Interrupted during start-up", e));
            }
        }
        if (failure != null) {
            for (AutoCloseable resource : started) {
                try {
                    resource.close();
                } catch (Exception e) {
                    failure.addSuppressed(e);
                }
            }
            throw failure;
        }
        return started;
    }

    private static RuntimeException addFailure(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    /** Before starting anything: a missing jar should not cost a PostgreSQL and Kafka start first. */
    static void requireExecJars(Path projectRoot) {
        List<Path> missing = PlatformService.LAUNCHED.stream()
                .map(service -> LauncherVersion.execJar(projectRoot, service))
                .filter(jar -> !Files.isRegularFile(jar))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Service jars missing, build first (./mvnw -B -DskipTests package, or "
                    + "./aftersales run which builds when needed): " + missing);
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "aftersales-start");
            thread.setDaemon(true);
            return thread;
        };
    }
}
