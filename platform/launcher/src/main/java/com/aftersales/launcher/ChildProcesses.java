package com.aftersales.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the broker and the service processes share: the java binary, JVM options, graceful stop. */
final class ChildProcesses {

    private ChildProcesses() {
    }

    /** The java of the JVM running the launcher, so children run on the same JDK. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Options from {@code variable} when set and not blank, else {@code defaults}; split on whitespace. */
    static List<String> jvmOptions(String variable, String defaults) {
        return splitOptions(System.getenv(variable), defaults);
    }

    static List<String> splitOptions(String configured, String defaults) {
        String options = configured == null || configured.isBlank() ? defaults : configured;
        return Arrays.stream(options.trim().split("\\s+")).filter(option -> !option.isEmpty()).toList();
    }

    /**
     * SIGTERM ({@link Process#destroy()} on Unix) so the child runs its shutdown hooks: Spring's graceful
     * shutdown, Kafka's clean log close. A child that has not exited after {@code timeout} is killed.
     *
     * @return true if the child ended on its own (it was not running, or it exited after SIGTERM), false if killed
     */
    static boolean stop(Process process, Duration timeout) {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.destroyForcibly().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        return false;
    }

    /** SIGKILL ({@link Process#destroyForcibly()} on Unix) and wait up to {@code timeout} for the exit. */
    static void kill(Process process, Duration timeout) {
        process.destroyForcibly();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Process " + process.pid() + " still alive " + timeout.toSeconds()
                        + " s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }
}
