package com.aftersales.bench.tickets;

import com.aftersales.launcher.ServiceProcess;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link FrameworkFloorApp} as a JVM of its own, started as the launcher starts a service: the launcher's service JVM
 * options ({@value ServiceProcess#JVM_OPTS_VARIABLE}, else {@link ServiceProcess#DEFAULT_JVM_OPTS}), configuration in
 * environment variables, ready when {@code /readyz} answers 200.
 */
final class FrameworkFloor implements AutoCloseable {

    private static final Duration START_TIMEOUT = ServiceProcess.DEFAULT_START_TIMEOUT;
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int HTTP_OK = 200;

    private final Process process;
    private final int port;

    private FrameworkFloor(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the floor on a free port against {@code jdbcUrl} (login {@code user}/{@code password}), trusting the
     * platform's issuer and JWK set, with its output in {@code logFile}.
     */
    static FrameworkFloor start(String jdbcUrl, String user, String password, String issuer, String jwkSetUri,
                                Path logFile) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String configured = System.getenv(ServiceProcess.JVM_OPTS_VARIABLE);
        String options = configured == null || configured.isBlank() ? ServiceProcess.DEFAULT_JVM_OPTS : configured;
        command.addAll(Arrays.stream(options.trim().split("\\s+")).toList());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FrameworkFloorApp.class.getName());
        Files.createDirectories(logFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(Map.of(
                "SERVER_PORT", String.valueOf(port),
                "AFTERSALES_BIND_ADDRESS", ServiceProcess.HOST,
                "SPRING_APPLICATION_NAME", "framework-floor",
                "SPRING_DATASOURCE_URL", jdbcUrl,
                "SPRING_DATASOURCE_USERNAME", user,
                "SPRING_DATASOURCE_PASSWORD", password,
                "AFTERSALES_SECURITY_ISSUER", issuer,
                "AFTERSALES_SECURITY_JWK_SET_URI", jwkSetUri));
        FrameworkFloor floor = new FrameworkFloor(builder.start(), port);
        try {
            floor.awaitReady(logFile);
            return floor;
        } catch (Exception e) {
            floor.close();
            throw e;
        }
    }

    private void awaitReady(Path logFile) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(POLL).build();
        URI readiness = URI.create(url() + ServiceProcess.READINESS_PATH);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the framework floor exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (http.send(HttpRequest.newBuilder(readiness).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == HTTP_OK) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException("the framework floor was not ready within " + START_TIMEOUT + "; see " + logFile);
    }

    String url() {
        return "http://" + ServiceProcess.HOST + ":" + port;
    }

    long pid() {
        return process.pid();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
