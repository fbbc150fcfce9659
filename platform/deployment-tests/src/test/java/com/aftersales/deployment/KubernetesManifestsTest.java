package com.aftersales.deployment;

import static com.aftersales.deployment.ProjectFiles.list;
import static com.aftersales.deployment.ProjectFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.aftersales.launcher.PlatformService;

/**
 * deploy/k8s parsed as plain YAML (no cluster, no kubectl) and checked against the services' own configuration:
 * every service has a Deployment whose image, port, environment and probes match what the service reads and
 * exposes, a Service, a HorizontalPodAutoscaler, a PodDisruptionBudget; every ConfigMap and Secret key a pod
 * refers to exists; the Ingress reaches only the gateway; kustomization.yaml lists every file.
 */
class KubernetesManifestsTest {

    static final List<PlatformService> SERVICES = PlatformService.ALL;

    private static final Path DIRECTORY = ProjectFiles.resolve("deploy/k8s");
    private static final String LIVENESS = "/livez";
    private static final String READINESS = "/readyz";
    /** Set for every pod from the aftersales-common ConfigMap, beyond what the launcher sets per service. */
    private static final Set<String> COMMON_ENVIRONMENT = Set.of("SPRING_PROFILES_ACTIVE", "SPRING_KAFKA_BOOTSTRAP_SERVERS",
            "AFTERSALES_SECURITY_ISSUER", "AFTERSALES_SECURITY_JWK_SET_URI", "LOGGING_STRUCTURED_FORMAT_CONSOLE",
            "JAVA_TOOL_OPTIONS", "AFTERSALES_KAFKA_TOPICS_PARTITIONS", "AFTERSALES_KAFKA_TOPICS_REPLICATION_FACTOR");

    private static final Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
    private static final Map<String, Path> resourceFiles = new LinkedHashMap<>();

    @BeforeAll
    static void readManifests() throws IOException {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                for (Map<String, Object> document : ProjectFiles.yamlDocuments(file)) {
                    String kind = String.valueOf(document.get("kind"));
                    String name = kind.equals("Kustomization") ? "kustomization"
                            : String.valueOf(map(document.get("metadata")).get("name"));
                    assertThat(resources.put(kind + "/" + name, document)).as("%s/%s declared once", kind, name).isNull();
                    resourceFiles.put(kind + "/" + name, file);
                }
            }
        }
    }

    @Test
    void kustomizationListsEveryManifestAndNoOther() throws IOException {
        Map<String, Object> kustomization = resources.get("Kustomization/kustomization");
        assertThat(kustomization).isNotNull();
        Set<String> listed = new TreeSet<>(list(kustomization.get("resources")).stream().map(String::valueOf).toList());
        Set<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml")).forEach(present::add);
        }
        assertThat(listed).isEqualTo(present);
        assertThat(resources).containsKey("Namespace/" + kustomization.get("namespace"));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SERVICES")
    void deploymentMatchesTheService(PlatformService service) {
        String name = service.module();
        Map<String, Object> deployment = resource("Deployment", name);
        Map<String, Object> spec = map(deployment.get("spec"));
        Map<String, Object> podTemplate = map(spec.get("template"));
        Map<String, String> podLabels = labels(podTemplate);
        assertThat(map(map(spec.get("selector")).get("matchLabels"))).isNotEmpty()
                .allSatisfy((key, value) -> assertThat(podLabels).containsEntry(key, String.valueOf(value)));

        Map<String, Object> podSpec = map(podTemplate.get("spec"));
        List<Object> containers = list(podSpec.get("containers"));
        assertThat(containers).hasSize(1);
        Map<String, Object> container = map(containers.get(0));
        assertThat(container.get("image")).isEqualTo("aftersales/" + name + ":" + ProjectFiles.rootProjectVersion());

        int port = service.defaultPort();
        Map<String, Object> httpPort = map(list(container.get("ports")).get(0));
        assertThat(httpPort).containsEntry("name", "http").containsEntry("containerPort", port);

        Map<String, String> environment = environment(container);
        List<String> expected = service.database().isPresent() ? PlatformService.BACKEND_ENVIRONMENT
                : PlatformService.gatewayEnvironment();
        Set<String> unexpected = new LinkedHashSet<>(environment.keySet());
        unexpected.removeAll(expected);
        unexpected.removeAll(COMMON_ENVIRONMENT);
        assertThat(environment.keySet()).as("%s gets every variable it reads", name).containsAll(expected);
        assertThat(unexpected).as("%s gets no variable it does not read", name).isEmpty();
        assertThat(environment).containsEntry("SERVER_PORT", String.valueOf(port));
        if (service.database().isPresent()) {
            // Actuator on its own port (named, scraped by the annotations), the API on every interface of the pod.
            int management = PlatformService.managementPort(port);
            assertThat(environment).containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(management))
                    .containsEntry("AFTERSALES_BIND_ADDRESS", "0.0.0.0");
            assertThat(list(container.get("ports"))).contains(Map.of("name", "management", "containerPort", management));
            assertThat(map(map(map(podTemplate.get("metadata")).get("annotations")))).containsEntry("prometheus.io/port",
                    String.valueOf(management));
            String database = service.database().get();
            assertThat(environment).containsEntry("SPRING_DATASOURCE_USERNAME", database)
                    .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres.data.svc:5432/" + database);
            assertThat(environment.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo("secret:aftersales-database-passwords/" + database);
        } else {
            for (PlatformService backend : PlatformService.BACKENDS) {
                assertThat(environment).containsEntry(backend.urlVariable(), "http://" + backend.module() + ":" + backend.defaultPort());
            }
        }

        assertThat(probe(container, "startupProbe")).isEqualTo(LIVENESS);
        assertThat(probe(container, "livenessProbe")).isEqualTo(LIVENESS);
        assertThat(probe(container, "readinessProbe")).isEqualTo(READINESS);
        assertThat(probesEnabled(name)).as("%s enables the liveness and readiness health groups", name).isTrue();

        Duration shutdownPhase = Duration.parse("PT" + shutdownPhaseTimeout(name).toUpperCase());
        long grace = ((Number) podSpec.get("terminationGracePeriodSeconds")).longValue();
        assertThat(grace).as("%s grace period covers the graceful shutdown phase and the preStop pause", name)
                .isGreaterThan(shutdownPhase.toSeconds() + preStopSeconds(container));
        Map<String, Object> resourcesOfContainer = map(container.get("resources"));
        assertThat(map(resourcesOfContainer.get("limits"))).containsKey("memory");
        assertThat(map(resourcesOfContainer.get("requests"))).containsKeys("cpu", "memory");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SERVICES")
    void serviceAutoscalerAndDisruptionBudgetTargetTheDeployment(PlatformService platformService) {
        String name = platformService.module();
        Map<String, String> podLabels = labels(map(map(resource("Deployment", name).get("spec")).get("template")));

        Map<String, Object> serviceSpec = map(resource("Service", name).get("spec"));
        map(serviceSpec.get("selector")).forEach((key, value) -> assertThat(podLabels).containsEntry(key, String.valueOf(value)));
        Map<String, Object> servicePort = map(list(serviceSpec.get("ports")).get(0));
        assertThat(servicePort).containsEntry("port", platformService.defaultPort()).containsEntry("targetPort", "http");

        Map<String, Object> hpa = map(resource("HorizontalPodAutoscaler", name).get("spec"));
        assertThat(map(hpa.get("scaleTargetRef"))).containsEntry("kind", "Deployment").containsEntry("name", name);
        assertThat((Integer) hpa.get("minReplicas")).as("%s keeps two pods for availability", name).isGreaterThanOrEqualTo(2);
        assertThat((Integer) hpa.get("maxReplicas")).isGreaterThan((Integer) hpa.get("minReplicas"));

        Map<String, Object> pdb = map(resource("PodDisruptionBudget", name).get("spec"));
        assertThat(pdb).containsEntry("minAvailable", 1);
        map(map(pdb.get("selector")).get("matchLabels"))
                .forEach((key, value) -> assertThat(podLabels).containsEntry(key, String.valueOf(value)));
    }

    @Test
    void everyConfigMapAndSecretKeyAPodRefersToExists() {
        resources.forEach((id, resource) -> {
            if (!id.startsWith("Deployment/")) {
                return;
            }
            Map<String, Object> container = map(list(map(map(map(resource.get("spec")).get("template")).get("spec"))
                    .get("containers")).get(0));
            for (Object source : list(container.get("envFrom"))) {
                String configMap = String.valueOf(map(map(source).get("configMapRef")).get("name"));
                Map<String, Object> data = map(resource("ConfigMap", configMap).get("data"));
                assertThat(data.keySet()).as("%s is only what the services read", configMap).isSubsetOf(COMMON_ENVIRONMENT);
            }
            for (Object entry : list(container.get("env"))) {
                Map<String, Object> variable = map(entry);
                if (!variable.containsKey("valueFrom")) {
                    continue;
                }
                Map<String, Object> from = map(variable.get("valueFrom"));
                String kind = from.containsKey("secretKeyRef") ? "Secret" : "ConfigMap";
                Map<String, Object> ref = map(from.containsKey("secretKeyRef") ? from.get("secretKeyRef") : from.get("configMapKeyRef"));
                Map<String, Object> target = resource(kind, String.valueOf(ref.get("name")));
                Map<String, Object> data = map(target.get(kind.equals("Secret") ? "stringData" : "data"));
                assertThat(data).as("%s %s has key %s for %s", kind, ref.get("name"), ref.get("key"), id).containsKey(String.valueOf(ref.get("key")));
            }
        });
    }

    @Test
    void ingressReachesOnlyTheGatewayAndNeverActuator() {
        Map<String, Object> spec = map(resource("Ingress", "gateway").get("spec"));
        List<String> paths = new ArrayList<>();
        for (Object rule : list(spec.get("rules"))) {
            for (Object path : list(map(map(map(rule).get("http"))).get("paths"))) {
                Map<String, Object> entry = map(path);
                paths.add(String.valueOf(entry.get("path")));
                Map<String, Object> backend = map(map(entry.get("backend")).get("service"));
                assertThat(backend.get("name")).isEqualTo("gateway");
                assertThat(map(backend.get("port"))).containsEntry("name", "http");
            }
        }
        assertThat(paths).contains("/api").noneMatch(path -> path.startsWith("/actuator"));
        assertThat(list(spec.get("tls"))).isNotEmpty();
    }

    private static Map<String, Object> resource(String kind, String name) {
        Map<String, Object> resource = resources.get(kind + "/" + name);
        assertThat(resource).as("%s/%s in deploy/k8s", kind, name).isNotNull();
        return resource;
    }

    private static Map<String, String> labels(Map<String, Object> podTemplate) {
        Map<String, String> labels = new LinkedHashMap<>();
        map(map(podTemplate.get("metadata")).get("labels")).forEach((key, value) -> labels.put(key, String.valueOf(value)));
        return labels;
    }

    /** Literal values as they are; references as {@code secret:<name>/<key>} and the ConfigMap's value. */
    private static Map<String, String> environment(Map<String, Object> container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Object source : list(container.get("envFrom"))) {
            String configMap = String.valueOf(map(map(source).get("configMapRef")).get("name"));
            map(resource("ConfigMap", configMap).get("data")).forEach((key, value) -> environment.put(key, String.valueOf(value)));
        }
        for (Object entry : list(container.get("env"))) {
            Map<String, Object> variable = map(entry);
            String name = String.valueOf(variable.get("name"));
            if (variable.containsKey("value")) {
                environment.put(name, String.valueOf(variable.get("value")));
                continue;
            }
            Map<String, Object> from = map(variable.get("valueFrom"));
            if (from.containsKey("secretKeyRef")) {
                Map<String, Object> ref = map(from.get("secretKeyRef"));
                environment.put(name, "secret:" + ref.get("name") + "/" + ref.get("key"));
            } else {
                Map<String, Object> ref = map(from.get("configMapKeyRef"));
                environment.put(name, String.valueOf(map(resource("ConfigMap", String.valueOf(ref.get("name"))).get("data"))
                        .get(String.valueOf(ref.get("key")))));
            }
        }
        return environment;
    }

    private static String probe(Map<String, Object> container, String probe) {
        Map<String, Object> httpGet = map(map(container.get(probe)).get("httpGet"));
        assertThat(httpGet.get("port")).as("%s port", probe).isEqualTo("http");
        return String.valueOf(httpGet.get("path"));
    }

    private static long preStopSeconds(Map<String, Object> container) {
        List<Object> command = list(map(map(map(container.get("lifecycle")).get("preStop")).get("exec")).get("command"));
        assertThat(command.get(0)).isEqualTo("sleep");
        return Long.parseLong(String.valueOf(command.get(1)));
    }

    /** management.endpoint.health.probes.enabled in the gateway's application.yml or the backends' platform defaults. */
    private static boolean probesEnabled(String module) {
        Map<String, Object> config = serviceConfiguration(module);
        return Boolean.TRUE.equals(path(config, "management", "endpoint", "health", "probes", "enabled"));
    }

    /** spring.lifecycle.timeout-per-shutdown-phase default, e.g. {@code 20s} of {@code ${GATEWAY_SHUTDOWN_TIMEOUT:20s}}. */
    private static String shutdownPhaseTimeout(String module) {
        String value = String.valueOf(path(serviceConfiguration(module), "spring", "lifecycle", "timeout-per-shutdown-phase"));
        assertThat(path(serviceConfiguration(module), "server", "shutdown")).as("%s shuts down gracefully", module)
                .isEqualTo("graceful");
        return value.replaceAll("^\\$\\{[A-Z_]+:(.*)}$", "$1");
    }

    private static Map<String, Object> serviceConfiguration(String module) {
        return module.equals("gateway") ? ProjectFiles.yaml(module + "/src/main/resources/application.yml")
                : ProjectFiles.yaml("platform/service-support/src/main/resources/aftersales-platform-defaults.yml");
    }

    private static Object path(Map<String, Object> root, String... keys) {
        Object current = root;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> node)) {
                return null;
            }
            current = node.get(key);
        }
        return current;
    }
}
