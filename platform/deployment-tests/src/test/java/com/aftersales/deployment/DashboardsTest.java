package com.aftersales.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The operations dashboards of issue 8 are all there and laid out the way Grafana's provisioning loads them. */
class DashboardsTest {

    private static final List<String> REQUIRED = List.of("Service desk overview", "Field operations", "Returns and depots",
            "Customer and quality", "Platform health");

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyRequiredDashboardIsProvisionedWithAValidLayout() throws IOException {
        List<String> titles = new ArrayList<>();
        try (Stream<Path> files = Files.list(ProjectFiles.resolve("ops/grafana/dashboards"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = json.readTree(file.toFile());
                titles.add(dashboard.path("title").asString());
                assertThat(dashboard.path("id").isMissingNode() || dashboard.path("id").isNull())
                        .as("%s: no numeric id (provisioning assigns it)", file).isTrue();
                assertThat(dashboard.path("uid").asString()).as("%s uid", file).matches("[a-z0-9-]{1,40}");
                Set<Integer> ids = new HashSet<>();
                for (JsonNode panel : dashboard.path("panels")) {
                    assertThat(ids.add(panel.path("id").asInt())).as("%s: unique panel id %s", file, panel.path("id")).isTrue();
                    JsonNode grid = panel.path("gridPos");
                    assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as("%s: %s fits 24 columns", file,
                            panel.path("title")).isBetween(1, 24);
                    assertThat(grid.path("h").asInt()).as("%s: %s has a height", file, panel.path("title")).isPositive();
                    if (!"row".equals(panel.path("type").asString())) {
                        assertThat(panel.path("targets").isEmpty()).as("%s: %s queries something", file, panel.path("title"))
                                .isFalse();
                    }
                }
            }
        }
        assertThat(titles).containsAll(REQUIRED);
    }
}
