package com.aftersales.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A Keycloak server from its distribution zip, in development mode ({@code kc.sh start-dev}: its own H2 database under
 * its home, plain HTTP), with the shipped realm imported at the first start ({@code --import-realm}; a realm that
 * exists is left as it is). It listens on loopback only and names itself {@code http://localhost:<port>}, so tokens
 * carry the same issuer whether a browser or a service asked. The bootstrap administrator is what the launcher uses to
 * give the demo people and the script clients their passwords and secrets ({@link KeycloakDirectory}).
 */
final class KeycloakServer implements AutoCloseable {

    /** Development-mode start with an empty H2 database takes 20-40 s on two cores, the first one longer (augmentation). */
    static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final String SERVER_DIR = "server";
    private static final String DISTRIBUTION_MARKER = ".distribution";
    /** Keycloak's own default outside containers; kept explicit so a larger machine does not hand it more. */
    private static final String HEAP = "-Xms64m -Xmx512m";
    private static final int OK = 200;

    private final Process process;
    private final Duration startTime;

    private KeycloakServer(Process process, Duration startTime) {
        this.process = process;
        this.startTime = startTime;
    }

    /**
     * Unpacks the distribution into {@code home} (once per distribution), puts {@code realmFile} where
     * {@code --import-realm} reads it, starts the server and waits until the realm's discovery document answers.
     */
    static KeycloakServer start(KeycloakIdentity identity, Path home, Path realmFile, String adminUser, String adminPassword,
            Path logFile) {
        long started = System.nanoTime();
        if (!Files.isRegularFile(identity.distribution())) {
            throw new IllegalStateException("No Keycloak distribution at " + identity.distribution()
                    + " (./aftersales run --identity keycloak fetches org.keycloak:keycloak-quarkus-dist with the Maven wrapper)");
        }
        if (!Files.isRegularFile(realmFile)) {
            throw new IllegalStateException("No realm file at " + realmFile);
        }
        Path server = unpack(identity.distribution(), home);
        try {
            Path imports = Files.createDirectories(server.resolve("data").resolve("import"));
            Files.copy(realmFile, imports.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(logFile.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean windows = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        List<String> command = Stream.concat(
                windows ? Stream.of("cmd", "/c", server.resolve("bin").resolve("kc.bat").toString())
                        : Stream.of("bash", server.resolve("bin").resolve("kc.sh").toString()),
                Stream.of("start-dev", "--import-realm", "--http-port=" + identity.port(), "--http-host=" + ServiceProcess.HOST,
                        "--hostname=http://localhost:" + identity.port(), "--health-enabled=true")).toList();
        ProcessBuilder builder = new ProcessBuilder(command).directory(server.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Map<String, String> environment = builder.environment();
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("JAVA_OPTS_KC_HEAP", HEAP);
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUser);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Keycloak from " + server, e);
        }
        KeycloakServer keycloak = new KeycloakServer(process, Duration.ZERO);
        try {
            awaitRealm(process, URI.create(identity.realmUrl() + "/.well-known/openid-configuration"), logFile);
        } catch (RuntimeException e) {
            keycloak.close();
            throw e;
        }
        return new KeycloakServer(process, Duration.ofNanos(System.nanoTime() - started));
    }

    Duration startTime() {
        return startTime;
    }

    /** SIGTERM (kc.sh hands it to the JVM), then SIGKILL to whatever is left of the process tree. */
    @Override
    public void close() {
        List<ProcessHandle> tree = process.descendants().toList();
        ChildProcesses.stop(process, STOP_TIMEOUT);
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void awaitRealm(Process process, URI discovery, Path logFile) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(POLL).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == OK) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
        }
        throw new IllegalStateException("Keycloak did not serve " + discovery + " within " + START_TIMEOUT.toSeconds()
                + " s; see " + logFile);
    }

    /**
     * {@code <home>/server}: the zip's top directory ({@code keycloak-<version>/}) stripped. A home unpacked from another
     * distribution is replaced (its development database with it: the realm is imported again).
     */
    static Path unpack(Path distribution, Path home) {
        Path server = home.resolve(SERVER_DIR);
        Path marker = server.resolve(DISTRIBUTION_MARKER);
        String name = distribution.getFileName().toString();
        try {
            if (Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(name)) {
                return server;
            }
            if (Files.exists(server)) {
                try (Stream<Path> old = Files.walk(server)) {
                    old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            Files.createDirectories(server);
            try (InputStream in = Files.newInputStream(distribution); ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    String entryName = entry.getName();
                    int slash = entryName.indexOf('/');
                    if (slash < 0 || slash == entryName.length() - 1) {
                        continue;
                    }
                    Path target = server.resolve(entryName.substring(slash + 1)).normalize();
                    if (!target.startsWith(server)) {
                        throw new IllegalStateException("Entry outside the distribution: " + entryName);
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                        if (target.getFileName().toString().endsWith(".sh")) {
                            target.toFile().setExecutable(true);
                        }
                    }
                }
            }
            Files.writeString(marker, name, StandardCharsets.UTF_8);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + distribution + " into " + server, e);
        }
    }
}
