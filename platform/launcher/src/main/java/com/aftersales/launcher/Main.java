package com.aftersales.launcher;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/** {@code ./aftersales run | replay-dlt | help}: see {@link CommandLine#USAGE}. */
public final class Main {

    public static final String PROJECT_ROOT_PROPERTY = "aftersales.projectRoot";
    public static final String PROJECT_ROOT_VARIABLE = "AFTERSALES_PROJECT_ROOT";
    public static final String DATA_DIR_VARIABLE = "AFTERSALES_DATA_DIR";
    private static final String SWAGGER_PATH = "/swagger-ui.html";
    private static final String HEALTH_PATH = "/actuator/health";
    /** --reset deletes only a directory that holds nothing but what the launcher writes there. */
    private static final Set<String> DATA_DIR_ENTRIES = Set.of("postgres", "kafka", "logs", "keycloak",
            DemoIdentities.SECURITY_DIR);
    private static final int EXIT_USAGE = 2;
    private static final int EXIT_FAILURE = 1;
    /** Shell convention: a process ended by signal N exits with 128 + N. */
    private static final int EXIT_SIGNAL_BASE = 128;
    private static final List<String> STOP_SIGNALS = List.of("INT", "TERM");
    private static final double MILLIS_PER_SECOND = 1000.0;

    private Main() {
    }

    public static void main(String[] args) {
        quietLibraryLogging();
        CommandLine command;
        try {
            command = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            System.err.println("aftersales: " + e.getMessage());
            System.err.print(CommandLine.USAGE);
            System.exit(EXIT_USAGE);
            return;
        }
        try {
            if (command instanceof CommandLine.Run run) {
                run(run, System.out);
            } else if (command instanceof CommandLine.Backup backup) {
                PlatformBackup.Result result = PlatformBackup.backup(dataDir(backup.dataDir()), backup.target(), platformPorts());
                System.out.printf("Backed up %s (%d files, %,d bytes) into %s in %d ms%n", result.parts(), result.files(),
                        result.bytes(), result.directory().toAbsolutePath(), result.took().toMillis());
            } else if (command instanceof CommandLine.Restore restore) {
                PlatformBackup.Result result = PlatformBackup.restore(restore.source(), dataDir(restore.dataDir()), platformPorts(),
                        java.time.Clock.systemDefaultZone());
                System.out.printf("Restored %s (%d files, %,d bytes checked) into %s in %d ms; ./aftersales run starts from it%n",
                        result.parts(), result.files(), result.bytes(), result.directory().toAbsolutePath(), result.took().toMillis());
            } else if (command instanceof CommandLine.ReplayDeadLetters replay) {
                int count = new DeadLetterReplay(replay.bootstrapServers()).replay(replay.topic());
                System.out.println("Replayed " + count + " record(s) from " + replay.topic()
                        + (replay.topic().endsWith(".dlt") ? "" : ".dlt"));
            } else {
                System.out.print(CommandLine.USAGE);
            }
        } catch (RuntimeException e) {
            System.err.println("aftersales: " + e.getMessage());
            System.exit(EXIT_FAILURE);
        }
    }

    /** The data directory given, else $AFTERSALES_DATA_DIR, else the project's default. */
    private static Path dataDir(java.util.Optional<Path> given) {
        return given.or(() -> Stream.ofNullable(System.getenv(DATA_DIR_VARIABLE)).filter(dir -> !dir.isBlank()).map(Path::of).findFirst())
                .orElse(projectRoot().resolve(PlatformOptions.DEFAULT_DATA_DIR));
    }

    /** The ports of a platform started with the defaults: none may be in use while its files are copied. */
    private static java.util.List<Integer> platformPorts() {
        return java.util.List.of(PlatformOptions.DEFAULT_POSTGRES_PORT, PlatformOptions.DEFAULT_KAFKA_PORT);
    }

    private static void run(CommandLine.Run run, PrintStream out) {
        Path projectRoot = projectRoot();
        Path dataDir = dataDir(run.dataDir());
        if (run.reset()) {
            reset(dataDir);
            out.println("Deleted " + dataDir.toAbsolutePath());
        }
        PlatformOptions options = PlatformOptions.builder(projectRoot).dataDir(dataDir).loadDemoData(run.loadDemoData())
                .instances(run.instances())
                .keycloak(run.keycloakDistribution().map(zip -> new KeycloakIdentity(zip, KeycloakIdentity.DEFAULT_PORT)).orElse(null))
                .build();
        AtomicReference<EmbeddedPlatform> running = new AtomicReference<>();
        stopOnSignals(running, out);
        out.println("Starting the after-sales platform (PostgreSQL, Kafka, 4 services" + (options.instances() > 1
                ? " x " + options.instances() : "") + ", gateway); logs in " + options.logDir());
        EmbeddedPlatform platform = EmbeddedPlatform.start(options, out);
        running.set(platform);
        out.print(summary(platform));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "aftersales-main-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Ctrl-C and SIGTERM stop the platform in order before the JVM shuts down. Left to shutdown hooks, zonky's
     * own hook would stop PostgreSQL while the services are still draining, and they then wait for
     * connections until their stop timeout. Where these signals cannot be handled, the hooks still clean up.
     */
    private static void stopOnSignals(AtomicReference<EmbeddedPlatform> running, PrintStream out) {
        SignalHandler handler = signal -> {
            out.println(System.lineSeparator() + "Stopping the platform (SIG" + signal.getName() + ")...");
            EmbeddedPlatform platform = running.get();
            if (platform != null) {
                platform.close();
                out.println("Stopped.");
            }
            System.exit(EXIT_SIGNAL_BASE + signal.getNumber());
        };
        for (String name : STOP_SIGNALS) {
            try {
                Signal.handle(new Signal(name), handler);
            } catch (IllegalArgumentException unsupported) {
                // Not available on this OS or reserved by the JVM: shutdown hooks cover it.
            }
        }
    }

    /** The table printed once everything is up. */
    static String summary(EmbeddedPlatform platform) {
        StringBuilder text = new StringBuilder();
        String line = "-".repeat(100) + System.lineSeparator();
        String row = "  %-18s %-44s %s%n";
        text.append(System.lineSeparator()).append(line);
        text.append(String.format(row, "Gateway", platform.gatewayUrl(), "API entry point"));
        text.append(String.format(row, "Swagger UI", platform.gatewayUrl() + SWAGGER_PATH, "all services' APIs"));
        for (PlatformService service : PlatformService.BACKENDS) {
            for (ServiceInstance instance : platform.instances(service)) {
                text.append(String.format(row, instance.name(), instance.url(), instance.managementUrl() + HEALTH_PATH));
            }
        }
        text.append(String.format(row, "gateway actuator", platform.gatewayUrl() + HEALTH_PATH, ""));
        for (PlatformService service : PlatformService.BACKENDS) {
            String database = service.database().orElseThrow();
            text.append(String.format(row, "JDBC " + database, platform.jdbcUrl(database), "user/password " + database + "/" + database));
        }
        text.append(String.format(row, "JDBC superuser", platform.superuserJdbcUrl(), "user " + platform.superuser()));
        text.append(String.format(row, "Kafka bootstrap", platform.kafkaBootstrapServers(), "topics " + String.join(", ", KafkaBroker.PLATFORM_TOPICS.subList(0, 2)) + ", ..."));
        text.append(String.format(row, "Logs", platform.logDir(), ""));
        if (platform.options().loadDemoData()) {
            text.append(String.format(row, "Demo data", platform.demoTicketsAccepted() + " of " + DemoData.ticketCount() + " tickets", "Idempotency-Key demo-ticket-<n>"));
        }
        text.append(line);
        text.append(tokens(platform)).append(line);
        StringBuilder timings = new StringBuilder();
        platform.timings().forEach((name, duration) -> timings.append(timings.isEmpty() ? "" : ", ").append(name).append(' ').append(seconds(duration)));
        text.append("  start-up: ").append(timings).append(System.lineSeparator());
        text.append("  ready in ").append(seconds(platform.timings().get(EmbeddedPlatform.TIMING_TOTAL)))
                .append(" s. Ctrl-C stops everything.").append(System.lineSeparator());
        return text.toString();
    }

    /** Who can log in (users and their passwords), the desk, and the tokens for scripts. */
    static String tokens(EmbeddedPlatform platform) {
        String newline = System.lineSeparator();
        StringBuilder text = new StringBuilder();
        text.append(String.format("  %-18s %-44s %s%n", platform.keycloak() ? "Keycloak" : "Authorization server", platform.issuer(),
                "OpenID Connect: " + platform.issuer() + "/.well-known/openid-configuration"));
        if (platform.keycloak()) {
            text.append(String.format("  %-18s %-44s %s%n", "Keycloak console", platform.issuer().replaceFirst("/realms/.*", "/admin/"),
                    "user " + KeycloakDirectory.ADMIN_USER + ", password " + platform.keycloakAdminPassword()));
        }
        text.append(String.format("  %-18s %-44s %s%n", "Desk", platform.gatewayUrl().replace("127.0.0.1", "localhost") + "/desk/",
                "log in as one of the users below"));
        text.append("  Demo users (password generated for this data directory, kept in ")
                .append(platform.options().dataDir().getFileName()).append("'s security/").append(DemoIdentities.CREDENTIALS_FILE)
                .append("):").append(newline);
        for (DemoUser user : platform.demoUsers()) {
            text.append(String.format("    %-14s %-12s %-14s %-8s %s%n", user.role(), user.username(), user.password(),
                    user.name(), user.claims().isEmpty() ? "" : user.claims()));
        }
        text.append("  Partner depot clients (client credentials):");
        platform.depotClients().forEach((client, secret) -> text.append(' ').append(client).append(':').append(secret));
        text.append(newline);
        text.append("  Partner depots on Kafka (SASL_PLAINTEXT, SCRAM-SHA-512, own topics aftersales.partner.<depot>.* only) at ")
                .append(platform.partnerBootstrapServers()).append(':');
        platform.partnerKafkaLogins().forEach((user, password) -> text.append(' ').append(user).append(':').append(password));
        text.append(newline);
        text.append("  Tokens for scripts, one per role from ").append(platform.keycloak() ? "Keycloak" : "the authorization server")
                .append(" (client credentials, valid ")
                .append(DemoIdentities.TOKEN_VALIDITY.toHours()).append(" h):").append(newline);
        text.append("  source ").append(platform.tokensFile()).append("   # AGENT_TOKEN, STORE_TOKEN, ... ADMIN_TOKEN")
                .append(newline);
        text.append("  curl -H \"Authorization: Bearer $AGENT_TOKEN\" ").append(platform.gatewayUrl()).append("/api/tickets?status=OPEN")
                .append(newline);
        String ops = platform.demoTokens().get("OPS");
        if (ops != null) {
            // The token travels in the fragment, which the browser never sends; the page keeps it in sessionStorage.
            text.append("  Ops console: ").append(platform.gatewayUrl()).append("/ops/#token=").append(ops).append(newline);
        }
        return text.toString();
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / MILLIS_PER_SECOND);
    }

    static Path projectRoot() {
        String configured = System.getProperty(PROJECT_ROOT_PROPERTY, System.getenv(PROJECT_ROOT_VARIABLE));
        return Path.of(configured == null || configured.isBlank() ? "." : configured).toAbsolutePath().normalize();
    }

    /** Deletes the data directory, refusing one that holds anything the launcher did not put there. */
    static void reset(Path dataDir) {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            var foreign = entries.map(entry -> entry.getFileName().toString()).filter(name -> !DATA_DIR_ENTRIES.contains(name)).toList();
            if (!foreign.isEmpty()) {
                throw new IllegalStateException("Refusing to delete " + dataDir + ": it holds " + foreign
                        + ", which the launcher did not create");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> tree = Files.walk(dataDir)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dataDir, e);
        }
    }

    /** The launcher's console is for the table; Kafka's and zonky's own chatter goes only to warnings. */
    private static void quietLibraryLogging() {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
