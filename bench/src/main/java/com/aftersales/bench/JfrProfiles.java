package com.aftersales.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JFR profiles of the benchmarked processes over the measured part of a benchmark, when {@value #VARIABLE} names a
 * directory: {@code JFR.start} / {@code JFR.stop} through jcmd on each process, one {@code <name>.jfr} each. A profile
 * perturbs what it measures; figures of a profiled run are not figures.
 */
public final class JfrProfiles {

    public static final String VARIABLE = "BENCH_JFR_DIR";
    private JfrProfiles() {
    }

    public static boolean enabled() {
        String dir = System.getenv(VARIABLE);
        return dir != null && !dir.isBlank();
    }

    /** {@code action} "start" or "stop" on each named process id; nothing when {@value #VARIABLE} is not set. */
    public static void jfr(String action, Map<String, Long> pids) throws Exception {
        if (!enabled()) {
            return;
        }
        for (Map.Entry<String, Long> process : pids.entrySet()) {
            String output = jcmd(action, process.getKey(), process.getValue());
            if (output != null) {
                throw new IllegalStateException("jcmd JFR." + action + " on " + process.getKey() + " failed: " + output);
            }
            System.out.println("JFR " + action + " " + process.getKey() + " (pid " + process.getValue() + ")");
        }
    }

    /**
     * The JVM options that record a profile named {@code name} from the JVM's first moment (for a service the
     * benchmark starts, through {@code ServiceProcess.EXTRA_JVM_OPTS_PROPERTY_PREFIX}); stop it with
     * {@link #jfr(String, Map)}. Empty when {@value #VARIABLE} is not set. Class data sharing is off in that JVM: with
     * its archive mapped, JFR (started with the JVM or through jcmd during start-up) crashed it on JDK 17 in
     * {@code KlassFactory::check_shared_class_file_load_hook}; the profiled start-up is slower for it.
     */
    public static Optional<String> fromStartOptions(String name) throws Exception {
        if (!enabled()) {
            return Optional.empty();
        }
        Path dir = Files.createDirectories(Path.of(System.getenv(VARIABLE)));
        return Optional.of("-Xshare:off -XX:StartFlightRecording=name=bench,settings=profile,filename="
                + dir.resolve(name + ".jfr").toAbsolutePath());
    }

    /** Runs jcmd; null when it succeeded, else its output. */
    private static String jcmd(String action, String name, long pid) throws Exception {
        String dir = System.getenv(VARIABLE);
        Files.createDirectories(Path.of(dir));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), "JFR." + action, "name=bench"));
        if (action.equals("start")) {
            command.add("settings=profile");
            command.add("filename=" + Path.of(dir, name + ".jfr").toAbsolutePath());
        }
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // jcmd exits 0 also when the target answered with an error (e.g. not yet initialized): look at its answer.
        if (jcmd.waitFor() != 0 || output.contains("Exception") || output.contains("Could not")) {
            return command + ": " + output;
        }
        return null;
    }
}
