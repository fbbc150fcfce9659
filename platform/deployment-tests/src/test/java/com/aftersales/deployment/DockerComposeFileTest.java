package com.aftersales.deployment;

import static com.aftersales.deployment.ProjectFiles.environment;
import static com.aftersales.deployment.ProjectFiles.list;
import static com.aftersales.deployment.ProjectFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.aftersales.contracts.Topics;
import com.aftersales.launcher.PlatformService;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docker-compose.yml and the files it mounts, checked against the platform's catalogue of services
 * ({@link PlatformService}) without a Docker engine: what `docker compose config` would reject, and
 * what would make the stack start but not work (wrong port, database, topic or scrape target).
 */
class DockerComposeFileTest {

    static final List<PlatformService> SERVICES = PlatformService.ALL;
    static final List<PlatformService> BACKENDS = PlatformService.BACKENDS;
    /** Compose runs every backend twice: {@code <module>} and {@code <module>-2}, as {@code ./aftersales run --instances 2}. */
    static final int INSTANCES = 2;
    /** Host port of instance n is the default port + (n - 1) * this, as in the launcher. */
    private static final int INSTANCE_PORT_STEP = 100;

    /** Extra environment variables every service container gets, beyond those the launcher sets. */
    private static final Map<String, String> OPERATIONAL_ENVIRONMENT = Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs",
            "SPRING_PROFILES_ACTIVE", "prod",
            "AFTERSALES_SECURITY_ISSUER", KeycloakRealmTest.ISSUER,
            "AFTERSALES_SECURITY_JWK_SET_URI", "http://keycloak:8080/realms/aftersales/protocol/openid-connect/certs");

    /** The gateway tells the desk and Swagger UI where to log in: Keycloak's realm, the desk's public client. */
    private static final Map<String, String> DESK_ENVIRONMENT = Map.of("AFTERSALES_DESK_ISSUER", KeycloakRealmTest.ISSUER,
            "AFTERSALES_DESK_CLIENT_ID", "aftersales-desk");

    private static final Pattern EXACT_VERSION_TAG = Pattern.compile("v?\\d+\\.\\d+(\\.\\d+)*([._-][A-Za-z0-9._-]+)?");

    private static final String COMPLETED = "service_completed_successfully";
    private static final String HEALTHY = "service_healthy";

    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    static void readCompose() {
        compose = ProjectFiles.yaml("docker-compose.yml");
        services = new LinkedHashMap<>();
        map(compose.get("services")).forEach((name, definition) -> services.put(name, map(definition)));
    }

    @Test
    void composeFileDeclaresTheWholePlatform() {
        Set<String> expected = new LinkedHashSet<>(List.of("kafka", "kafka-init", "postgres", "keycloak", "prometheus", "grafana"));
        SERVICES.forEach(service -> expected.add(service.module()));
        BACKENDS.forEach(backend -> expected.add(secondInstance(backend)));
        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(map(compose.get("volumes")).keySet())
                .contains("postgres-data", "kafka-data", "prometheus-data", "grafana-data");
    }

    @Test
    void everyLongRunningServiceHasAHealthcheckRestartPolicyAndMemoryLimit() {
        Set<String> oneShot = oneShotServices();
        assertThat(oneShot).containsExactly("kafka-init");
        services.forEach((name, service) -> {
            if (oneShot.contains(name)) {
                assertThat(service.get("restart")).as("%s runs once", name).isEqualTo("no");
                assertThat(service).as("%s runs once and has no healthcheck", name).doesNotContainKey("healthcheck");
                return;
            }
            assertThat(service).as("%s healthcheck", name).containsKey("healthcheck");
            Map<String, Object> healthcheck = map(service.get("healthcheck"));
            assertThat(healthcheck.get("disable")).as("%s healthcheck disabled", name).isNotEqualTo(true);
            List<Object> test = list(healthcheck.get("test"));
            assertThat(test).as("%s healthcheck test", name).hasSizeGreaterThan(1);
            assertThat(test.get(0)).as("%s healthcheck test form", name).isIn("CMD", "CMD-SHELL");
            assertThat(service.get("restart")).as("%s restart policy", name).isIn("unless-stopped", "always", "on-failure");
            assertThat(memoryLimit(service)).as("%s memory limit", name).isPresent();
        });
    }

    @Test
    void everyImageTagIsPinned() {
        services.forEach((name, service) -> {
            Object image = service.get("image");
            if (service.containsKey("build")) {
                assertThat(image).as("%s names the image it builds", name)
                        .isEqualTo("aftersales/" + moduleOf(name) + ":" + ProjectFiles.rootProjectVersion());
                assertThat(service.get("pull_policy")).as("%s is built, never pulled", name).isEqualTo("build");
                return;
            }
            assertThat(image).as("%s has an image", name).isInstanceOf(String.class);
            String reference = (String) image;
            assertThat(reference).as("%s image is referenced by tag, not digest alone", name).doesNotContain("@");
            int slash = reference.lastIndexOf('/');
            int colon = reference.lastIndexOf(':');
            assertThat(colon).as("%s image %s has a tag", name, reference).isGreaterThan(slash);
            String tag = reference.substring(colon + 1);
            assertThat(tag).as("%s image tag", name).isNotEqualToIgnoringCase("latest");
            assertThat(tag).as("%s image %s is pinned to an exact version", name, reference).matches(EXACT_VERSION_TAG);
        });
    }

    @Test
    void everyDependencyWaitsForAConditionThatItsTargetCanMeet() {
        Set<String> oneShot = oneShotServices();
        services.forEach((name, service) -> {
            if (!service.containsKey("depends_on")) {
                return;
            }
            assertThat(service.get("depends_on")).as("%s depends_on is a mapping with conditions", name).isInstanceOf(Map.class);
            map(service.get("depends_on")).forEach((target, value) -> {
                assertThat(services).as("%s depends on an unknown service", name).containsKey(target);
                Object condition = map(value).get("condition");
                assertThat(condition).as("%s -> %s condition", name, target).isIn(HEALTHY, COMPLETED);
                if (HEALTHY.equals(condition)) {
                    assertThat(services.get(target)).as("%s waits for %s to be healthy", name, target).containsKey("healthcheck");
                } else {
                    assertThat(oneShot).contains(target);
                }
            });
        });
        assertThat(startOrder()).as("depends_on has no cycle").hasSameSizeAs(services.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SERVICES")
    void composeServiceMatchesTheLauncher(PlatformService platformService) {
        String name = platformService.module();
        assertThat(services).as("compose service named after module %s", name).containsKey(name);
        Map<String, Object> service = services.get(name);

        Map<String, Object> build = map(service.get("build"));
        assertThat(build.get("context")).isEqualTo(".");
        assertThat(build.get("dockerfile")).isEqualTo("docker/service.Dockerfile");
        assertThat(map(build.get("args"))).containsEntry("MODULE", name);

        String port = String.valueOf(platformService.defaultPort());
        assertThat(list(service.get("ports"))).as("%s publishes its default port", name).contains(port + ":" + port);

        Map<String, String> environment = environment(service);
        List<String> launcherVariables = platformService.database().isPresent()
                ? PlatformService.BACKEND_ENVIRONMENT
                : PlatformService.gatewayEnvironment();
        Set<String> serviceVariables = new HashSet<>(environment.keySet());
        serviceVariables.removeAll(OPERATIONAL_ENVIRONMENT.keySet());
        if (platformService.database().isEmpty()) {
            serviceVariables.removeAll(DESK_ENVIRONMENT.keySet());
            DESK_ENVIRONMENT.forEach((variable, value) -> assertThat(environment).containsEntry(variable, value));
        }
        assertThat(serviceVariables).as("%s environment variable names", name).containsExactlyInAnyOrderElementsOf(launcherVariables);
        OPERATIONAL_ENVIRONMENT.forEach((variable, value) -> assertThat(environment).containsEntry(variable, value));
        assertThat(environment).containsEntry("SERVER_PORT", port);

        assertThat(String.join(" ", list(map(service.get("healthcheck")).get("test")).stream().map(String::valueOf).toList()))
                .as("%s healthcheck probes readiness", name).contains("/actuator/health/readiness");

        applicationYmlDefaultPort(name).ifPresent(defaultPort ->
                assertThat(defaultPort).as("%s application.yml server.port default", name).isEqualTo(platformService.defaultPort()));

        if (platformService.database().isPresent()) {
            String database = platformService.database().get();
            assertThat(dependencies(service)).containsExactlyInAnyOrderEntriesOf(
                    Map.of("postgres", HEALTHY, "kafka", HEALTHY, "kafka-init", COMPLETED, "keycloak", HEALTHY));
            assertThat(environment).containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/" + database);
            assertThat(environment).containsEntry("SPRING_DATASOURCE_USERNAME", database);
            assertThat(environment.get("SPRING_DATASOURCE_PASSWORD"))
                    .as("%s uses the password the postgres init script gives role %s", name, database)
                    .isEqualTo(environment(services.get("postgres")).get(passwordVariable(database)));
            assertThat(environment).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
            assertThat(environment(services.get("kafka")).get("KAFKA_ADVERTISED_LISTENERS")).contains("://kafka:9092");
        } else {
            Map<String, String> expectedDependencies = new LinkedHashMap<>();
            PlatformService.BACKENDS.forEach(backend -> {
                expectedDependencies.put(backend.module(), HEALTHY);
                expectedDependencies.put(secondInstance(backend), HEALTHY);
                expectedDependencies.put("keycloak", HEALTHY);
                assertThat(environment).containsEntry(backend.urlVariable(), "http://" + backend.module() + ":"
                        + backend.defaultPort() + ",http://" + secondInstance(backend) + ":" + backend.defaultPort());
            });
            assertThat(dependencies(service)).containsExactlyInAnyOrderEntriesOf(expectedDependencies);
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("BACKENDS")
    void secondInstanceIsTheFirstPublishedOnAnotherHostPort(PlatformService backend) {
        Map<String, Object> first = new LinkedHashMap<>(services.get(backend.module()));
        Map<String, Object> second = new LinkedHashMap<>(services.get(secondInstance(backend)));
        int port = backend.defaultPort();
        assertThat(list(second.remove("ports"))).containsExactly((port + INSTANCE_PORT_STEP) + ":" + port);
        first.remove("ports");
        assertThat(second).as("%s is %s apart from its host port", secondInstance(backend), backend.module())
                .isEqualTo(first);
    }

    @Test
    void postgresInitScriptCreatesARoleAndDatabasePerBackend() throws IOException {
        Map<String, Object> postgres = services.get("postgres");
        assertThat(list(postgres.get("volumes"))).contains("./ops/postgres/init:/docker-entrypoint-initdb.d:ro");
        assertThat(String.join(" ", list(map(postgres.get("healthcheck")).get("test")).stream().map(String::valueOf).toList()))
                .contains("pg_isready");

        Set<String> created = new TreeSet<>();
        Map<String, String> passwordVariables = new LinkedHashMap<>();
        Pattern call = Pattern.compile("(?m)^create_service_database\\s+(\\w+)\\s+\"\\$\\{(\\w+):-[^}]*}\"\\s*$");
        try (Stream<Path> scripts = Files.list(ProjectFiles.resolve("ops/postgres/init"))) {
            for (Path script : scripts.filter(path -> path.toString().endsWith(".sh")).toList()) {
                Matcher matcher = call.matcher(ProjectFiles.read(script));
                while (matcher.find()) {
                    created.add(matcher.group(1));
                    passwordVariables.put(matcher.group(1), matcher.group(2));
                }
            }
        }
        Set<String> databases = PlatformService.ALL.stream().flatMap(service -> service.database().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(created).isEqualTo(databases);

        Map<String, String> postgresEnvironment = environment(postgres);
        passwordVariables.forEach((database, variable) -> {
            assertThat(variable).isEqualTo(passwordVariable(database));
            assertThat(postgresEnvironment).as("postgres passes %s to the init script", variable).containsKey(variable);
            assertThat(postgresEnvironment.get(variable)).matches("\\$\\{" + variable + ":-[^}]+}");
        });
        assertThat(list(postgres.get("volumes"))).contains("postgres-data:/var/lib/postgresql/data");
    }

    @Test
    void kafkaRunsAsASingleKraftNodeAndKafkaInitCreatesEveryTopic() {
        Map<String, String> kafka = environment(services.get("kafka"));
        assertThat(kafka).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .containsKey("CLUSTER_ID");
        assertThat(kafka.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).isEqualTo(kafka.get("KAFKA_NODE_ID") + "@kafka:9093");
        assertThat(list(services.get("kafka").get("volumes"))).contains("kafka-data:" + kafka.get("KAFKA_LOG_DIRS"));
        assertThat(String.valueOf(list(map(services.get("kafka").get("healthcheck")).get("test"))))
                .containsPattern("/opt/kafka/bin/kafka-(broker-api-versions|topics)\\.sh");

        Map<String, Object> init = services.get("kafka-init");
        assertThat(init.get("image")).isEqualTo(services.get("kafka").get("image"));
        assertThat(dependencies(init)).containsExactly(Map.entry("kafka", HEALTHY));
        Map<String, String> initEnvironment = environment(init);
        assertThat(initEnvironment).containsEntry("BOOTSTRAP_SERVERS", "kafka:9092").containsEntry("PARTITIONS", "3");

        List<String> expected = new ArrayList<>();
        for (String topic : List.of(Topics.TICKETS, Topics.DISPATCH, Topics.RETURNS, Topics.FEEDBACK)) {
            expected.add(topic);
            expected.add(Topics.deadLetterOf(topic));
        }
        List<String> topics = Arrays.asList(initEnvironment.get("TOPICS").trim().split("\\s+"));
        assertThat(topics).containsExactlyInAnyOrderElementsOf(expected).hasSize(8);

        String script = String.join("\n", list(init.get("command")).stream().map(String::valueOf).toList());
        assertThat(script).contains("for topic in $$TOPICS", "--create", "--if-not-exists", "--topic \"$$topic\"",
                "--partitions \"$$PARTITIONS\"", "--bootstrap-server \"$$BOOTSTRAP_SERVERS\"", "set -euo pipefail");
    }

    @Test
    void prometheusScrapesEveryServiceAndLoadsTheRules() throws IOException {
        Map<String, Object> prometheusService = services.get("prometheus");
        assertThat(list(prometheusService.get("volumes"))).contains("./ops/prometheus:/etc/prometheus:ro", "prometheus-data:/prometheus");
        assertThat(list(prometheusService.get("command"))).contains("--config.file=/etc/prometheus/prometheus.yml");

        Map<String, Object> config = ProjectFiles.yaml("ops/prometheus/prometheus.yml");
        Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
        list(config.get("scrape_configs")).forEach(job -> jobs.put(String.valueOf(map(job).get("job_name")), map(job)));
        for (PlatformService service : SERVICES) {
            assertThat(jobs).as("scrape job for %s", service.module()).containsKey(service.module());
            Map<String, Object> job = jobs.get(service.module());
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            List<Object> staticConfigs = list(job.get("static_configs"));
            assertThat(staticConfigs).hasSize(1);
            Map<String, Object> target = map(staticConfigs.get(0));
            List<String> targets = new ArrayList<>(List.of(service.module() + ":" + service.defaultPort()));
            if (BACKENDS.contains(service)) {
                targets.add(secondInstance(service) + ":" + service.defaultPort());
            }
            assertThat(list(target.get("targets"))).containsExactlyElementsOf(targets);
            assertThat(map(target.get("labels"))).containsEntry("service", service.module());
        }

        List<Path> ruleFiles = new ArrayList<>();
        for (Object pattern : list(config.get("rule_files"))) {
            Path relative = Path.of(String.valueOf(pattern));
            try (var matches = Files.newDirectoryStream(ProjectFiles.resolve("ops/prometheus").resolve(relative.getParent()),
                    relative.getFileName().toString())) {
                matches.forEach(ruleFiles::add);
            }
        }
        assertThat(ruleFiles).as("rule files found through rule_files").isNotEmpty();

        List<Map<String, Object>> rules = new ArrayList<>();
        for (Path ruleFile : ruleFiles) {
            for (Object group : list(ProjectFiles.yaml(ruleFile).get("groups"))) {
                list(map(group).get("rules")).forEach(rule -> rules.add(map(rule)));
            }
        }
        assertThat(rules).anySatisfy(rule -> {
            assertThat(String.valueOf(rule.get("expr"))).startsWith("up{").endsWith("== 0");
            assertThat(rule.get("for")).isEqualTo("1m");
            for (PlatformService service : SERVICES) {
                assertThat(String.valueOf(rule.get("expr"))).contains(service.module());
            }
        });
        assertThat(rules).anySatisfy(rule ->
                assertThat(String.valueOf(rule.get("expr"))).contains("aftersales_events_dead_lettered_total"));
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule).containsKeys("alert", "expr");
            assertThat(map(rule.get("labels"))).containsKey("severity");
            assertThat(map(rule.get("annotations"))).containsKeys("summary", "description");
        });
    }

    @Test
    void grafanaDashboardsParseAndUseAProvisionedDatasource() throws IOException {
        Map<String, Object> grafana = services.get("grafana");
        assertThat(dependencies(grafana)).containsEntry("prometheus", HEALTHY);
        List<Object> volumes = list(grafana.get("volumes"));
        assertThat(volumes).contains("./ops/grafana/provisioning:/etc/grafana/provisioning:ro", "grafana-data:/var/lib/grafana");
        String dashboardsMount = volumes.stream().map(String::valueOf)
                .filter(volume -> volume.startsWith("./ops/grafana/dashboards:")).findFirst().orElseThrow();
        String dashboardsInContainer = dashboardsMount.split(":")[1];

        Set<String> datasourceUids = new HashSet<>();
        try (Stream<Path> files = Files.list(ProjectFiles.resolve("ops/grafana/provisioning/datasources"))) {
            for (Path file : files.filter(DockerComposeFileTest::isYaml).toList()) {
                for (Object datasource : list(ProjectFiles.yaml(file).get("datasources"))) {
                    Map<String, Object> entry = map(datasource);
                    datasourceUids.add(String.valueOf(entry.get("uid")));
                    if ("prometheus".equals(entry.get("type"))) {
                        assertThat(entry.get("url")).isEqualTo("http://prometheus:" + publishedPort("prometheus"));
                    }
                }
            }
        }
        assertThat(datasourceUids).isNotEmpty().doesNotContain("null");

        List<String> providerPaths = new ArrayList<>();
        try (Stream<Path> files = Files.list(ProjectFiles.resolve("ops/grafana/provisioning/dashboards"))) {
            for (Path file : files.filter(DockerComposeFileTest::isYaml).toList()) {
                for (Object provider : list(ProjectFiles.yaml(file).get("providers"))) {
                    providerPaths.add(String.valueOf(map(map(provider).get("options")).get("path")));
                }
            }
        }
        assertThat(providerPaths).containsExactly(dashboardsInContainer);
        assertThat(environment(grafana).get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"))
                .isEqualTo(dashboardsInContainer + "/platform-health.json");

        JsonMapper json = JsonMapper.builder().build();
        List<Path> dashboards;
        try (Stream<Path> files = Files.list(ProjectFiles.resolve("ops/grafana/dashboards"))) {
            dashboards = files.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(dashboards).isNotEmpty();
        Set<String> dashboardUids = new HashSet<>();
        for (Path file : dashboards) {
            JsonNode dashboard = json.readTree(file.toFile());
            assertThat(dashboardUids.add(dashboard.path("uid").asString())).as("unique dashboard uid in %s", file).isTrue();
            List<JsonNode> datasources = new ArrayList<>();
            collectDatasources(dashboard, datasources);
            assertThat(datasources).as("%s refers to datasources", file.getFileName()).isNotEmpty();
            for (JsonNode datasource : datasources) {
                assertThat(datasource.path("uid").asString())
                        .as("datasource %s in %s", datasource, file.getFileName()).isIn(datasourceUids);
            }
        }

        JsonNode platformHealth = json.readTree(ProjectFiles.resolve("ops/grafana/dashboards/platform-health.json").toFile());
        assertThat(platformHealth.path("title").asString()).isEqualTo("Platform health");
        String expressions = DashboardExpressions.of(platformHealth).stream().collect(Collectors.joining("\n"));
        assertThat(expressions).contains(
                "http_server_requests_seconds_count",
                "status=~\"5..\"",
                "histogram_quantile(0.95",
                "http_server_requests_seconds_bucket",
                "jvm_memory_used_bytes",
                "kafka_consumer_fetch_manager_records_lag_max",
                "aftersales_outbox_pending_events",
                "aftersales_outbox_oldest_pending_age_seconds",
                "aftersales_events_dead_lettered_total");
    }

    @Test
    void volumesAreDeclaredAndBindMountsExist() {
        Set<String> declared = map(compose.get("volumes")).keySet();
        services.forEach((name, service) -> {
            if (!service.containsKey("volumes")) {
                return;
            }
            for (Object volume : list(service.get("volumes"))) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(ProjectFiles.resolve(source.substring(2))).as("%s bind mount %s", name, source).exists();
                } else {
                    assertThat(declared).as("%s named volume %s", name, source).contains(source);
                }
            }
        });
    }

    @Test
    void everyInterpolatedVariableHasADefault() {
        String text = ProjectFiles.read("docker-compose.yml");
        Matcher dollar = Pattern.compile("(?<!\\$)\\$(?!\\$)").matcher(text);
        Pattern withDefault = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*:-[^}]+}");
        while (dollar.find()) {
            Matcher interpolation = withDefault.matcher(text).region(dollar.start(), text.length());
            assertThat(interpolation.lookingAt())
                    .as("interpolation at offset %d has a default: %s", dollar.start(),
                            text.substring(dollar.start(), Math.min(text.length(), dollar.start() + 40)))
                    .isTrue();
        }
    }

    @Test
    void publishedHostPortsAreUnique() {
        List<String> hostPorts = new ArrayList<>();
        services.values().forEach(service -> {
            if (service.containsKey("ports")) {
                list(service.get("ports")).forEach(port -> hostPorts.add(String.valueOf(port).split(":")[0]));
            }
        });
        assertThat(hostPorts).doesNotHaveDuplicates();
    }

    static String secondInstance(PlatformService backend) {
        return backend.module() + "-" + INSTANCES;
    }

    /** The module a compose service runs: itself, or the first instance's for {@code <module>-2}. */
    static String moduleOf(String composeService) {
        return BACKENDS.stream().map(PlatformService::module)
                .filter(module -> composeService.equals(module + "-" + INSTANCES)).findFirst().orElse(composeService);
    }

    static String passwordVariable(String database) {
        return database.toUpperCase() + "_DB_PASSWORD";
    }

    private static boolean isYaml(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }

    private static void collectDatasources(JsonNode node, List<JsonNode> found) {
        if (node.isObject()) {
            JsonNode datasource = node.get("datasource");
            if (datasource != null && !datasource.isNull()) {
                found.add(datasource);
            }
        }
        if (node.isContainer()) {
            node.forEach(child -> collectDatasources(child, found));
        }
    }

    private static Optional<String> memoryLimit(Map<String, Object> service) {
        if (service.containsKey("mem_limit")) {
            return Optional.of(String.valueOf(service.get("mem_limit")));
        }
        Object deploy = service.get("deploy");
        if (deploy == null) {
            return Optional.empty();
        }
        Object resources = map(deploy).get("resources");
        Object limits = resources == null ? null : map(resources).get("limits");
        Object memory = limits == null ? null : map(limits).get("memory");
        return Optional.ofNullable(memory).map(String::valueOf);
    }

    private static Map<String, String> dependencies(Map<String, Object> service) {
        Map<String, String> result = new LinkedHashMap<>();
        Object dependsOn = service.get("depends_on");
        if (dependsOn != null) {
            map(dependsOn).forEach((target, value) -> result.put(target, String.valueOf(map(value).get("condition"))));
        }
        return result;
    }

    private static Set<String> oneShotServices() {
        Set<String> oneShot = new TreeSet<>();
        services.values().forEach(service -> dependencies(service).forEach((target, condition) -> {
            if (COMPLETED.equals(condition)) {
                oneShot.add(target);
            }
        }));
        return oneShot;
    }

    /** Services in an order that respects depends_on (Kahn's algorithm); shorter than all services if there is a cycle. */
    private static List<String> startOrder() {
        List<String> order = new ArrayList<>();
        Set<String> remaining = new LinkedHashSet<>(services.keySet());
        boolean progress = true;
        while (progress) {
            progress = false;
            for (String name : List.copyOf(remaining)) {
                if (order.containsAll(dependencies(services.get(name)).keySet())) {
                    order.add(name);
                    remaining.remove(name);
                    progress = true;
                }
            }
        }
        return order;
    }

    private static String publishedPort(String serviceName) {
        String mapping = String.valueOf(list(services.get(serviceName).get("ports")).get(0));
        return mapping.substring(mapping.lastIndexOf(':') + 1);
    }

    /** The default of `server.port: ${SERVER_PORT:<port>}` in a module's application.yml, when that file exists. */
    private static Optional<Integer> applicationYmlDefaultPort(String module) {
        Path applicationYml = ProjectFiles.resolve(module + "/src/main/resources/application.yml");
        if (!Files.isRegularFile(applicationYml)) {
            return Optional.empty();
        }
        Object port = null;
        for (Map<String, Object> document : ProjectFiles.yamlDocuments(applicationYml)) {
            if (isProfileSpecific(document)) {
                continue;
            }
            Object value = document.containsKey("server.port") ? document.get("server.port")
                    : document.get("server") instanceof Map<?, ?> server ? server.get("port") : null;
            if (value != null) {
                port = value;
            }
        }
        assertThat(port).as("%s sets server.port", applicationYml).isNotNull();
        Matcher matcher = Pattern.compile("\\$\\{SERVER_PORT:(\\d+)}").matcher(String.valueOf(port));
        assertThat(matcher.matches()).as("%s server.port is ${SERVER_PORT:<port>}, was %s", applicationYml, port).isTrue();
        return Optional.of(Integer.parseInt(matcher.group(1)));
    }

    private static boolean isProfileSpecific(Map<String, Object> document) {
        if (document.containsKey("spring.config.activate.on-profile")) {
            return true;
        }
        Object spring = document.get("spring");
        if (spring instanceof Map<?, ?> springMap && springMap.get("config") instanceof Map<?, ?> config) {
            return config.get("activate") instanceof Map<?, ?> activate && activate.containsKey("on-profile");
        }
        return false;
    }
}
