package com.aftersales.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.contracts.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's component table says which topics each service consumes; partners and operators read it. This test
 * holds it to the services' actual subscriptions: every {@code @KafkaListener} in a service's sources, plus the
 * platform's calendar follower where the service turns it on ({@code aftersales.calendar.follow-owner: true}).
 */
class ReadmeTopicsTest {

    private static final Set<String> SERVICES = Set.of("ticket-service", "dispatch-service", "returns-service", "feedback-service");
    private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\(([^)]*)\\)");
    private static final Pattern TOPICS = Pattern.compile("topics\\s*=\\s*(\\{[^}]*}|[\\w.]+)");
    private static final Pattern CONSTANT = Pattern.compile("Topics\\.(\\w+)");
    private static final Pattern FOLLOW_OWNER = Pattern.compile("follow-owner:\\s*(\\$\\{[^:}]+:)?true");
    private static final Pattern ROW = Pattern.compile("^\\| ([a-z-]+-service) \\|[^|]*\\|[^|]*\\|([^|]*)\\|", Pattern.MULTILINE);

    @Test
    void theComponentTableNamesEveryTopicEachServiceConsumes() {
        Map<String, Set<String>> documented = new HashMap<>();
        Matcher row = ROW.matcher(ProjectFiles.read("README.md"));
        while (row.find()) {
            Set<String> topics = new TreeSet<>();
            Matcher name = Pattern.compile("`([a-z0-9.]+)`").matcher(row.group(2));
            while (name.find()) {
                topics.add(name.group(1));
            }
            documented.put(row.group(1), topics);
        }
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (String service : SERVICES) {
            assertThat(documented.get(service)).as("README: topics %s consumes", service).isEqualTo(subscriptions(service));
        }
    }

    @Test
    void theArchitectureDiagramDrawsTheSameSubscriptions() {
        String readme = ProjectFiles.read("README.md");
        Matcher block = Pattern.compile("```mermaid\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README: the architecture diagram").isTrue();
        String diagram = block.group(1);
        Map<String, String> nodes = new HashMap<>();
        Matcher node = Pattern.compile("\\b(\\w+)\\[([a-z]+-service)\\b").matcher(diagram);
        while (node.find()) {
            nodes.put(node.group(1), node.group(2));
        }
        assertThat(new TreeSet<>(nodes.values())).containsExactlyInAnyOrderElementsOf(SERVICES);
        Map<String, Set<String>> drawn = new HashMap<>();
        SERVICES.forEach(service -> drawn.put(service, new TreeSet<>()));
        Matcher edge = Pattern.compile("^\\s*\\w+ -- ([a-z0-9.]+\\.v\\d+) --> ([\\w &]+)$", Pattern.MULTILINE).matcher(diagram);
        while (edge.find()) {
            for (String target : edge.group(2).split("&")) {
                String service = nodes.get(target.strip());
                assertThat(service).as("diagram node " + target.strip()).isNotNull();
                drawn.get(service).add(edge.group(1));
            }
        }
        for (String service : SERVICES) {
            assertThat(drawn.get(service)).as("README diagram: topics drawn into %s", service).isEqualTo(subscriptions(service));
        }
    }

    private static Set<String> subscriptions(String service) {
        Map<String, String> constants = topicConstants();
        Set<String> topics = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(ProjectFiles.resolve(service + "/src/main/java"))) {
            sources.filter(p -> p.toString().endsWith(".java")).map(ProjectFiles::read).forEach(source -> {
                Matcher listener = LISTENER.matcher(source);
                while (listener.find()) {
                    Matcher topicsAttribute = TOPICS.matcher(listener.group(1));
                    assertThat(topicsAttribute.find()).as("a listener in %s names its topics by Topics constants", service).isTrue();
                    Matcher constant = CONSTANT.matcher(topicsAttribute.group(1));
                    while (constant.find()) {
                        topics.add(constants.get(constant.group(1)));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (FOLLOW_OWNER.matcher(ProjectFiles.read(service + "/src/main/resources/application.yml")).find()) {
            topics.add(Topics.TICKETS);
        }
        return topics;
    }

    private static Map<String, String> topicConstants() {
        Map<String, String> constants = new HashMap<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    constants.put(field.getName(), (String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return constants;
    }

    @Test
    void theTopicPatternReadsOneAndSeveralTopics() {
        Matcher one = TOPICS.matcher("topics = Topics.TICKETS, groupId = GROUP");
        Matcher several = TOPICS.matcher("id = LISTENER_ID, topics = {Topics.TICKETS, Topics.DISPATCH}");
        assertThat(one.find()).isTrue();
        assertThat(several.find()).isTrue();
        assertThat(Arrays.asList(one.group(1), several.group(1))).containsExactly("Topics.TICKETS", "{Topics.TICKETS, Topics.DISPATCH}");
    }
}
