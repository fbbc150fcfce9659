package com.aftersales.contracts;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partners build against published schemas. {@code src/test/resources/published-schemas} holds the
 * schemas as released; a version may only grow: new optional properties, nothing removed, no
 * property redefined, no new required property. A breaking change must be a new version (.v2),
 * published alongside the old one.
 */
class PublishedSchemaCompatibilityTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyCatalogTypeHasASchemaAndEveryPublishedSchemaIsStillInTheCatalog() throws Exception {
        for (EventType<?> type : EventCatalog.all()) {
            assertThat(resource(type.schemaResource())).as("schema of " + type.type()).isNotNull();
            assertThat(read(type.schemaResource()).path("$id").asString()).isEqualTo(type.schemaUri());
        }
        for (Path published : publishedSchemas()) {
            String type = published.getFileName().toString().replace(".json", "");
            assertThat(EventCatalog.byType(type)).as("published type %s was removed from the catalog", type).isPresent();
        }
    }

    @Test
    void publishedVersionsOnlyChangeAdditively() throws Exception {
        for (Path published : publishedSchemas()) {
            String name = published.getFileName().toString();
            JsonNode released = json.readTree(Files.readAllBytes(published));
            JsonNode current = read("schemas/" + name);

            assertOnlyGrew(name, "", released, current);
        }
    }

    /**
     * An object schema keeps its required list, every released property (recursively: a nested object may gain
     * optional properties too) and every other keyword; it never forbids additional properties.
     */
    private static void assertOnlyGrew(String name, String path, JsonNode released, JsonNode current) {
        if (!released.has("properties")) {
            assertThat(current).as("%s: property %s must keep its definition", name, path).isEqualTo(released);
            return;
        }
        assertThat(strings(current.path("required"))).as("%s: required properties of %s", name, path.isEmpty() ? "the event" : path)
                .isEqualTo(strings(released.path("required")));
        released.properties().forEach(keyword -> {
            if (!keyword.getKey().equals("properties")) {
                assertThat(current.path(keyword.getKey())).as("%s: keyword %s of %s", name, keyword.getKey(), path)
                        .isEqualTo(keyword.getValue());
            }
        });
        released.path("properties").properties().forEach(property -> {
            String child = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
            assertThat(current.path("properties").has(property.getKey())).as("%s: property %s was removed", name, child).isTrue();
            assertOnlyGrew(name, child, property.getValue(), current.path("properties").path(property.getKey()));
        });
        assertThat(current.path("additionalProperties").asBoolean(true))
                .as("%s must not forbid additional properties (%s)", name, path).isTrue();
    }

    @Test
    void everyTypeNameEndsWithItsVersionAndLivesOnAVersionedTopic() {
        for (EventType<?> type : EventCatalog.all()) {
            assertThat(type.type()).matches(".*\\.v\\d+$");
            assertThat(type.topic()).matches("aftersales\\.[a-z]+\\.v\\d+");
        }
    }

    private List<Path> publishedSchemas() throws URISyntaxException, IOException {
        Path dir = Path.of(resource("published-schemas").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertThat(all).isNotEmpty();
            return all;
        }
    }

    private JsonNode read(String resource) throws IOException {
        try (InputStream in = resource(resource).openStream()) {
            return json.readTree(in);
        }
    }

    private static URL resource(String name) {
        return PublishedSchemaCompatibilityTest.class.getClassLoader().getResource(name);
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(n -> values.add(n.asString()));
        return values;
    }
}
