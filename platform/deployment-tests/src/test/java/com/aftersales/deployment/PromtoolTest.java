package com.aftersales.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prometheus's own checker on the Prometheus files: configuration, alert rules, the rules' unit
 * tests, and the syntax of the dashboard queries. Runs when `promtool` is on the PATH (Debian and
 * Ubuntu: `apt-get install prometheus`); skipped, with that hint, when it is not.
 */
class PromtoolTest {

    private static Path promtool;

    @BeforeAll
    static void findPromtool() {
        promtool = onPath("promtool").orElse(null);
    }

    @Test
    void configurationIsValid() throws Exception {
        assertPasses(List.of("check", "config", "prometheus.yml"));
    }

    @Test
    void alertRulesAreValid() throws Exception {
        List<String> command = new ArrayList<>(List.of("check", "rules"));
        command.addAll(relativeFiles("rules"));
        assertThat(command).hasSizeGreaterThan(2);
        assertPasses(command);
    }

    @Test
    void alertRulesPassTheirUnitTests() throws Exception {
        List<String> command = new ArrayList<>(List.of("test", "rules"));
        command.addAll(relativeFiles("tests"));
        assertThat(command).hasSizeGreaterThan(2);
        assertPasses(command);
    }

    @Test
    void dashboardQueriesAreValidPromql(@TempDir Path temp) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
        int count = 0;
        try (Stream<Path> files = Files.list(ProjectFiles.resolve("ops/grafana/dashboards"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = json.readTree(file.toFile());
                for (String expr : DashboardExpressions.of(dashboard)) {
                    String resolved = DashboardExpressions.withGrafanaVariablesResolved(expr);
                    rules.append("      - record: dashboard:query_").append(count++).append('\n')
                            .append("        expr: '").append(resolved.replace("'", "''")).append("'\n");
                }
            }
        }
        assertThat(count).isPositive();
        Path ruleFile = temp.resolve("dashboard-queries.yml");
        Files.writeString(ruleFile, rules, StandardCharsets.UTF_8);
        assertPasses(List.of("check", "rules", ruleFile.toString()));
    }

    private static void assertPasses(List<String> arguments) throws IOException, InterruptedException {
        assumeTrue(promtool != null,
                "promtool is not on the PATH: install it (Debian/Ubuntu: apt-get install -y prometheus) to check the Prometheus files");
        List<String> command = new ArrayList<>();
        command.add(promtool.toString());
        command.addAll(arguments);
        Path output = Files.createTempFile("promtool", ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(ProjectFiles.resolve("ops/prometheus").toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 30 s");
            }
            assertThat(process.exitValue())
                    .as("%s%n%s", String.join(" ", command), Files.readString(output, StandardCharsets.UTF_8))
                    .isZero();
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static List<String> relativeFiles(String directory) throws IOException {
        Path base = ProjectFiles.resolve("ops/prometheus");
        try (Stream<Path> files = Files.list(base.resolve(directory))) {
            return files.filter(path -> path.toString().endsWith(".yml") || path.toString().endsWith(".yaml"))
                    .sorted()
                    .map(path -> base.relativize(path).toString())
                    .toList();
        }
    }

    private static Optional<Path> onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isBlank()) {
                continue;
            }
            Path candidate = Path.of(directory, executable);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
