package com.aftersales.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One service of the platform as a separate JVM: {@code java <jvmOpts> -jar <module>-<version>-exec.jar} (extracted,
 * with a class data sharing archive: {@link ClassDataSharing}) with its configuration in environment variables and its
 * output in {@code <logDir>/<module>.log}.
 */
public final class ServiceProcess implements AutoCloseable {

    public static final String JVM_OPTS_VARIABLE = "AFTERSALES_SERVICE_JVM_OPTS";
    /**
     * Options added for the next starts of one service only, read when it starts: system property
     * {@code <prefix><module>} (e.g. a benchmark profiling a restarted service from its first moment).
     */
    public static final String EXTRA_JVM_OPTS_PROPERTY_PREFIX = "aftersales.launcher.extraJvmOpts.";
    /** Five Spring Boot JVMs share two cores and a laptop's memory: small heap, C1 only, serial GC. */
    public static final String DEFAULT_JVM_OPTS = "-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k";
    /** Readiness on the API port (status only); the actuator itself is on the management port. */
    public static final String READINESS_PATH = "/readyz";
    public static final String HOST = "127.0.0.1";

    /** Four services starting at once on two cores take well over a minute when the JIT caches are cold. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);
    /**
     * SIGTERM, then SIGKILL after this long: more than the services' graceful shutdown needs (listeners stop, the
     * web server drains for up to spring.lifecycle.timeout-per-shutdown-phase = 20 s, the outbox relay flushes), the
     * same budget as terminationGracePeriodSeconds in deploy/k8s.
     */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(45);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final int HTTP_OK = 200;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    private final PlatformService service;
    private final int port;
    private final Process process;
    private final Path logFile;
    private final Duration startTime;
    private final ClassDataSharing.Launch launch;

    private ServiceProcess(PlatformService service, int port, Process process, Path logFile, Duration startTime,
                           ClassDataSharing.Launch launch) {
        this.service = service;
        this.port = port;
        this.process = process;
        this.logFile = logFile;
        this.startTime = startTime;
        this.launch = launch;
    }

    /**
     * Starts {@code execJar} with {@code environment} added to the launcher's own and waits until
     * {@code GET /readyz} answers 200. Fails fast when the process exits, and after
     * {@code timeout}; either way the exception carries the tail of the log and the process is gone.
     */
    public static ServiceProcess start(PlatformService service, Path execJar, int port, Map<String, String> environment,
                                       Path logFile, Duration timeout) {
        if (!Files.isRegularFile(execJar)) {
            throw new IllegalStateException(service.module() + ": " + execJar + " does not exist. Build first: "
                    + "./mvnw -B -DskipTests package (./aftersales run does this when needed)");
        }
        Ports.requireFree(port, service.module());
        long started = System.nanoTime();
        try {
            Files.createDirectories(logFile.getParent());
            // Appended, not truncated: a restarted service keeps the log of its previous run above the marker.
            Files.writeString(logFile, System.lineSeparator() + "=== aftersales launcher: starting " + service.module()
                            + " on port " + port + " at " + OffsetDateTime.now() + " ===" + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ClassDataSharing.Launch launch = ClassDataSharing.prepare(execJar);
        ProcessBuilder builder = new ProcessBuilder(command(launch, System.getProperty(EXTRA_JVM_OPTS_PROPERTY_PREFIX + service.module())))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        if (environment.containsKey("MANAGEMENT_SERVER_PORT")) {
            // Each instance its own actuator port, next to its own API port (instance 2 clashed with instance 1's).
            builder.environment().put("MANAGEMENT_SERVER_PORT", String.valueOf(PlatformService.managementPort(port)));
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            launch.finish(false);
            throw new UncheckedIOException("Could not start " + service.module(), e);
        }
        try {
            awaitReady(service, process, port, logFile, timeout);
        } catch (RuntimeException e) {
            // A service that never became ready has not loaded what a running one does: no archive from it.
            ChildProcesses.stop(process, STOP_TIMEOUT);
            launch.finish(false);
            throw e;
        }
        return new ServiceProcess(service, port, process, logFile, Duration.ofNanos(System.nanoTime() - started), launch);
    }

    static List<String> command(ClassDataSharing.Launch launch) {
        return command(launch, null);
    }

    static List<String> command(ClassDataSharing.Launch launch, String extraOptions) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcesses.javaExecutable());
        command.addAll(ChildProcesses.jvmOptions(JVM_OPTS_VARIABLE, DEFAULT_JVM_OPTS));
        command.addAll(ChildProcesses.splitOptions(extraOptions, ""));
        command.addAll(launch.options());
        command.add("-jar");
        command.add(launch.jar().toAbsolutePath().toString());
        return command;
    }

    private static void awaitReady(PlatformService service, Process process, int port, Path logFile, Duration timeout) {
        URI readiness = URI.create("http://" + HOST + ":" + port + READINESS_PATH);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited with code " + process.exitValue()
                        + " before it was ready" + System.lineSeparator() + LogFiles.tail(logFile));
            }
            if (isReady(readiness)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(service.module() + " was not ready at " + readiness + " within "
                        + timeout.toSeconds() + " s" + System.lineSeparator() + LogFiles.tail(logFile));
            }
            ChildProcesses.sleep(POLL_INTERVAL);
        }
    }

    static boolean isReady(URI readiness) {
        try {
            HttpRequest request = HttpRequest.newBuilder(readiness).timeout(REQUEST_TIMEOUT).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == HTTP_OK;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for readiness at " + readiness, e);
        }
    }

    public PlatformService service() {
        return service;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://" + HOST + ":" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** From process start to readiness. */
    public Duration startTime() {
        return startTime;
    }

    /** SIGKILL and wait until the process is gone: no shutdown hook runs, as when a machine or container dies. */
    public void kill() {
        ChildProcesses.kill(process, STOP_TIMEOUT);
        launch.finish(false);
    }

    /** SIGTERM (Spring's graceful shutdown), then a forced kill after {@link #STOP_TIMEOUT}. */
    @Override
    public void close() {
        launch.finish(ChildProcesses.stop(process, STOP_TIMEOUT));
    }
}
