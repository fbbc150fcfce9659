package com.aftersales.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s read into the Kubernetes object model (fabric8, the version Spring Cloud's BOM manages), strictly: a
 * field the model does not know (a typo, a field of another API version) or a value of the wrong type fails, with
 * its path. Then what {@code kubectl apply --dry-run=client} would not catch but a cluster would show as a dead
 * service: selectors that select the pods, target and probe ports that name a container port, autoscalers,
 * disruption budgets and the ingress pointing at objects that exist.
 */
class KubernetesSchemaTest {

    private static final Path DIRECTORY = ProjectFiles.resolve("deploy/k8s");
    /** kustomize's own file, not a Kubernetes object. */
    private static final String KUSTOMIZATION = "kustomization.yaml";

    private static final Map<String, HasMetadata> objects = new LinkedHashMap<>();

    @BeforeAll
    static void readStrictly() throws IOException {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith(KUSTOMIZATION)).sorted().toList()) {
                for (String document : ProjectFiles.read(file).split("(?m)^---\\s*$")) {
                    if (document.isBlank() || document.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
                        continue;
                    }
                    Object parsed = Serialization.unmarshal(document);
                    assertThat(parsed).as("%s: a Kubernetes object of a known kind", file.getFileName()).isInstanceOf(HasMetadata.class);
                    HasMetadata object = (HasMetadata) parsed;
                    objects.put(object.getKind() + "/" + object.getMetadata().getName(), object);
                }
            }
        }
        assertThat(objects).isNotEmpty();
    }

    @Test
    void everyObjectHasOnlyFieldsItsApiVersionDefines() {
        List<String> unknown = new ArrayList<>();
        objects.forEach((name, object) -> unknownFields(object, name, unknown, new IdentityHashMap<>()));
        assertThat(unknown).as("fields the Kubernetes model does not define").isEmpty();
    }

    @Test
    void everyContainerHasANameImagePortsAndProbesOnItsPorts() {
        for (Deployment deployment : all(Deployment.class)) {
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                String where = deployment.getMetadata().getName() + "/" + container.getName();
                assertThat(container.getName()).as(where).isNotBlank();
                assertThat(container.getImage()).as(where).isNotBlank();
                assertThat(container.getPorts()).as(where).isNotEmpty().allSatisfy(p -> assertThat(p.getContainerPort()).isBetween(1, 65535));
                for (Probe probe : Stream.of(container.getLivenessProbe(), container.getReadinessProbe(), container.getStartupProbe())
                        .filter(p -> p != null).toList()) {
                    assertThat(probe.getHttpGet()).as(where + ": HTTP probes").isNotNull();
                    assertThat(refersToPort(probe.getHttpGet().getPort(), container.getPorts()))
                            .as(where + ": probe port " + probe.getHttpGet().getPort()).isTrue();
                }
            }
        }
    }

    @Test
    void deploymentsSelectTheirOwnPods() {
        for (Deployment deployment : all(Deployment.class)) {
            assertThat(selects(deployment.getSpec().getSelector(), deployment.getSpec().getTemplate().getMetadata().getLabels()))
                    .as(deployment.getMetadata().getName()).isTrue();
        }
    }

    @Test
    void servicesSelectPodsOnPortsTheContainersOpen() {
        for (Service service : all(Service.class)) {
            List<Deployment> selected = all(Deployment.class).stream().filter(d -> service.getSpec().getSelector() != null
                    && d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(service.getSpec().getSelector().entrySet()))
                    .toList();
            assertThat(selected).as("Service %s selects pods", service.getMetadata().getName()).isNotEmpty();
            for (ServicePort port : service.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
                for (Deployment deployment : selected) {
                    List<ContainerPort> open = deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                            .flatMap(c -> c.getPorts().stream()).toList();
                    assertThat(refersToPort(target, open)).as("Service %s port %s on %s", service.getMetadata().getName(),
                            target, deployment.getMetadata().getName()).isTrue();
                }
            }
        }
    }

    @Test
    void autoscalersDisruptionBudgetsAndTheIngressPointAtObjectsThatExist() {
        for (HorizontalPodAutoscaler hpa : all(HorizontalPodAutoscaler.class)) {
            var target = hpa.getSpec().getScaleTargetRef();
            assertThat(objects).as("HPA %s", hpa.getMetadata().getName()).containsKey(target.getKind() + "/" + target.getName());
            assertThat(hpa.getSpec().getMinReplicas()).isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
        }
        for (PodDisruptionBudget pdb : all(PodDisruptionBudget.class)) {
            assertThat(all(Deployment.class)).as("PDB %s selects pods", pdb.getMetadata().getName())
                    .anySatisfy(d -> assertThat(selects(pdb.getSpec().getSelector(), d.getSpec().getTemplate().getMetadata().getLabels())).isTrue());
        }
        for (Ingress ingress : all(Ingress.class)) {
            for (var rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    var backend = path.getBackend().getService();
                    Service service = (Service) objects.get("Service/" + backend.getName());
                    assertThat(service).as("Ingress backend %s", backend.getName()).isNotNull();
                    assertThat(service.getSpec().getPorts()).as("Ingress backend port of %s", backend.getName())
                            .anySatisfy(p -> assertThat(backend.getPort().getNumber() != null
                                    ? p.getPort().equals(backend.getPort().getNumber())
                                    : backend.getPort().getName().equals(p.getName())).isTrue());
                }
            }
        }
    }

    @Test
    void aMistypedFieldIsCaught() {
        Object deployment = Serialization.unmarshal("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: typo}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: typo}}
                  template:
                    metadata: {labels: {app: typo}}
                    spec:
                      containers:
                        - name: typo
                          image: example/typo:1
                          readinessProbe: {httpGet: {path: /readyz, port: 8080}, initialDelaySecond: 5}
                """);
        List<String> unknown = new ArrayList<>();
        unknownFields(deployment, "Deployment/typo", unknown, new IdentityHashMap<>());
        assertThat(unknown).singleElement().asString().contains("readinessProbe").contains("initialDelaySecond");
    }

    private static <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.values().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static boolean refersToPort(IntOrString port, List<ContainerPort> open) {
        return port.getIntVal() != null
                ? open.stream().anyMatch(p -> port.getIntVal().equals(p.getContainerPort()))
                : open.stream().anyMatch(p -> port.getStrVal().equals(p.getName()));
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        return selector != null && selector.getMatchLabels() != null && !selector.getMatchLabels().isEmpty()
                && labels.entrySet().containsAll(selector.getMatchLabels().entrySet())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }

    /**
     * Walks the model: every fabric8 model object keeps what it did not recognise in {@code additionalProperties}
     * instead of failing, so a non-empty map anywhere is a field the API version does not define.
     */
    private static void unknownFields(Object node, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> unknownFields(value, path + "." + key, unknown, seen));
            return;
        }
        if (!(node instanceof KubernetesResource) && !node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            if (field.equals("additionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty() && !(node instanceof IntOrString)) {
                    unknown.add(path + ": " + Set.copyOf(extra.keySet()));
                }
            } else if (!field.equals("class")) {
                unknownFields(value, path + "." + field, unknown, seen);
            }
        }
    }
}
