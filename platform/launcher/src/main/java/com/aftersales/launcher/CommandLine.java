package com.aftersales.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;

/** The launcher's command line, parsed; {@link UsageException} carries what was wrong. */
public sealed interface CommandLine {

    String USAGE = """
            Usage:
              aftersales run [--reset] [--no-demo-data] [--instances N] [--data-dir DIR] [--build]
                             [--identity keycloak --keycloak-distribution ZIP]
                  Starts PostgreSQL, Kafka, the four services and the gateway on this machine and waits for Ctrl-C.
                  --reset         delete the data directory first (all tickets, events and logs)
                  --no-demo-data  do not post the demo tickets
                  --instances N   run every service N times (1-4; instance n on port 808x + 100*(n-1)); the gateway
                                  balances across them
                  --data-dir DIR  where data and logs live (default <project>/.data/embedded, or $AFTERSALES_DATA_DIR)
                  --build         build the jars first even when they look up to date (handled by ./aftersales)
                  --identity keycloak
                                  log in with Keycloak (realm ops/keycloak/aftersales-realm.json, port 8180) instead of
                                  the platform's own authorization server; ./aftersales fetches the distribution
                  --keycloak-distribution ZIP
                                  the org.keycloak:keycloak-quarkus-dist zip to run (given by ./aftersales)
              aftersales replay-dlt <topic> [--bootstrap HOST:PORT]
                  Re-publishes the records of <topic>.dlt to <topic> (default bootstrap 127.0.0.1:19092).
              aftersales backup <dir> [--data-dir DIR]
                  Copies the stopped platform's databases and Kafka topics (with consumer offsets) into <dir>, each file
                  with its SHA-256 in <dir>/MANIFEST.sha256.
              aftersales restore <dir> [--data-dir DIR]
                  Checks every file of the backup in <dir>, then replaces the stopped platform's databases and topics by
                  it; what it replaces is kept in <data dir>/replaced-<time>/.
              aftersales help
            """;

    /** {@code run}. */
    record Run(boolean reset, boolean loadDemoData, Optional<Path> dataDir, int instances, Optional<Path> keycloakDistribution)
            implements CommandLine {
        public Run(boolean reset, boolean loadDemoData, Optional<Path> dataDir) {
            this(reset, loadDemoData, dataDir, 1, Optional.empty());
        }
    }

    /** {@code replay-dlt <topic>}. */
    record ReplayDeadLetters(String topic, String bootstrapServers) implements CommandLine {
    }

    /** {@code backup <dir>}. */
    record Backup(Path target, Optional<Path> dataDir) implements CommandLine {
    }

    /** {@code restore <dir>}. */
    record Restore(Path source, Optional<Path> dataDir) implements CommandLine {
    }

    /** {@code help}, {@code --help}, {@code -h} or no arguments. */
    record Help() implements CommandLine {
    }

    final class UsageException extends IllegalArgumentException {
        public UsageException(String message) {
            super(message);
        }
    }

    static CommandLine parse(String... args) {
        if (args.length == 0) {
            return new Help();
        }
        Iterator<String> rest = Arrays.asList(args).subList(1, args.length).iterator();
        switch (args[0]) {
            case "run" -> {
                boolean reset = false;
                boolean demo = true;
                Optional<Path> dataDir = Optional.empty();
                int instances = 1;
                String identity = IDENTITY_AUTHORIZATION_SERVER;
                Optional<Path> distribution = Optional.empty();
                while (rest.hasNext()) {
                    String arg = rest.next();
                    switch (arg) {
                        case "--reset" -> reset = true;
                        case "--no-demo-data" -> demo = false;
                        // The script builds; accepting the flag here keeps `java ... Main run --build` harmless.
                        case "--build" -> { }
                        case "--data-dir" -> dataDir = Optional.of(Path.of(value(arg, rest)));
                        case "--instances" -> instances = instances(value(arg, rest));
                        case "--identity" -> identity = identity(value(arg, rest));
                        case "--keycloak-distribution" -> distribution = Optional.of(Path.of(value(arg, rest)));
                        default -> throw new UsageException("Unknown option for run: " + arg);
                    }
                }
                if (identity.equals(IDENTITY_KEYCLOAK) && distribution.isEmpty()) {
                    throw new UsageException("--identity keycloak needs --keycloak-distribution <zip> (./aftersales gives it)");
                }
                if (identity.equals(IDENTITY_AUTHORIZATION_SERVER) && distribution.isPresent()) {
                    throw new UsageException("--keycloak-distribution goes with --identity keycloak");
                }
                return new Run(reset, demo, dataDir, instances, distribution);
            }
            case "replay-dlt" -> {
                String topic = null;
                String bootstrap = KafkaBroker.bootstrapServers(PlatformOptions.DEFAULT_KAFKA_PORT);
                while (rest.hasNext()) {
                    String arg = rest.next();
                    if (arg.equals("--bootstrap")) {
                        bootstrap = value(arg, rest);
                    } else if (arg.startsWith("-")) {
                        throw new UsageException("Unknown option for replay-dlt: " + arg);
                    } else if (topic == null) {
                        topic = arg;
                    } else {
                        throw new UsageException("replay-dlt takes one topic, got " + topic + " and " + arg);
                    }
                }
                if (topic == null) {
                    throw new UsageException("replay-dlt needs a topic, e.g. aftersales.tickets.v1");
                }
                return new ReplayDeadLetters(topic, bootstrap);
            }
            case "backup", "restore" -> {
                Path directory = null;
                Optional<Path> dataDir = Optional.empty();
                while (rest.hasNext()) {
                    String arg = rest.next();
                    if (arg.equals("--data-dir")) {
                        dataDir = Optional.of(Path.of(value(arg, rest)));
                    } else if (arg.startsWith("-")) {
                        throw new UsageException("Unknown option for " + args[0] + ": " + arg);
                    } else if (directory == null) {
                        directory = Path.of(arg);
                    } else {
                        throw new UsageException(args[0] + " takes one directory, got " + directory + " and " + arg);
                    }
                }
                if (directory == null) {
                    throw new UsageException(args[0] + " needs the backup directory, e.g. backups/2026-12-04");
                }
                return args[0].equals("backup") ? new Backup(directory, dataDir) : new Restore(directory, dataDir);
            }
            case "help", "--help", "-h" -> {
                return new Help();
            }
            default -> throw new UsageException("Unknown command: " + args[0]);
        }
    }

    String IDENTITY_KEYCLOAK = "keycloak";
    String IDENTITY_AUTHORIZATION_SERVER = "authorization-server";

    private static String identity(String value) {
        if (value.equals(IDENTITY_KEYCLOAK) || value.equals(IDENTITY_AUTHORIZATION_SERVER)) {
            return value;
        }
        throw new UsageException("--identity takes " + IDENTITY_AUTHORIZATION_SERVER + " or " + IDENTITY_KEYCLOAK + ", got " + value);
    }

    private static int instances(String value) {
        try {
            int instances = Integer.parseInt(value);
            if (instances >= 1 && instances <= PlatformOptions.MAX_INSTANCES) {
                return instances;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new UsageException("--instances takes a number from 1 to " + PlatformOptions.MAX_INSTANCES + ", got " + value);
    }

    private static String value(String option, Iterator<String> rest) {
        if (!rest.hasNext()) {
            throw new UsageException(option + " needs a value");
        }
        String value = rest.next();
        if (value.startsWith("--")) {
            throw new UsageException(option + " needs a value, got " + value);
        }
        return value;
    }
}
