package com.aftersales.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JFR profiles of the benchmarked processes over the measured part of a benchmark, when {@value #VARIABLE} names a
 * directory: {@code JFR.start} / {@code JFR.stop} through jcmd on each process, one {@code <name>.jfr} each. A profile
 * perturbs what it measures; figures of a profiled run are not figures.
 */
public final class JfrProfiles {

    public static final String VARIABLE = "BENCH_JFR_DIR";

    private JfrProfiles() {
    }

    /** {@code action} "start" or "stop" on each named process id; nothing when {@value #VARIABLE} is not set. */
    public static void jfr(String action, Map<String, Long> pids) throws Exception {
        String dir = System.getenv(VARIABLE);
        if (dir == null || dir.isBlank()) {
            return;
        }
        Files.createDirectories(Path.of(dir));
        for (Map.Entry<String, Long> process : pids.entrySet()) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.getValue()), "JFR." + action, "name=bench"));
            if (action.equals("start")) {
                command.add("settings=profile");
                command.add("filename=" + Path.of(dir, process.getKey() + ".jfr").toAbsolutePath());
            }
            Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (jcmd.waitFor() != 0) {
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
            }
            System.out.println("JFR " + action + " " + process.getKey() + " (pid " + process.getValue() + ")");
        }
    }
}
