package com.aftersales.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Finds the project root and reads its deployment files. */
final class ProjectFiles {

    private static final Path ROOT = findRoot();

    private ProjectFiles() {
    }

    /** The directory holding docker-compose.yml and mvnw, found by walking up from the working directory. */
    static Path root() {
        return ROOT;
    }

    static Path resolve(String relativePath) {
        return ROOT.resolve(relativePath);
    }

    private static Path findRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No directory containing docker-compose.yml and mvnw above " + start);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String relativePath) {
        return read(resolve(relativePath));
    }

    /** The first YAML document of a file, with duplicate keys rejected. */
    static Map<String, Object> yaml(Path file) {
        Object document = newYaml().load(read(file));
        assertThat(document).as("%s holds a YAML mapping", ROOT.relativize(file)).isInstanceOf(Map.class);
        return map(document);
    }

    static Map<String, Object> yaml(String relativePath) {
        return yaml(resolve(relativePath));
    }

    /** Every document of a multi-document YAML file (e.g. an application.yml with profile sections). */
    static List<Map<String, Object>> yamlDocuments(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : newYaml().loadAll(read(file))) {
            if (document instanceof Map<?, ?>) {
                documents.add(map(document));
            }
        }
        return documents;
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    /** Reads a compose `environment` block, given either as a mapping or as a list of NAME=value. */
    static Map<String, String> environment(Map<String, Object> composeService) {
        Object environment = composeService.get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment == null) {
            return result;
        }
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((name, value) -> result.put(String.valueOf(name), value == null ? null : String.valueOf(value)));
        } else {
            for (Object entry : list(environment)) {
                String text = String.valueOf(entry);
                int equals = text.indexOf('=');
                result.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? null : text.substring(equals + 1));
            }
        }
        return result;
    }

    /** The project version of the root pom (the first version after the parent block). */
    static String rootProjectVersion() {
        String pom = read("pom.xml");
        int afterParent = pom.indexOf("</parent>");
        Matcher version = Pattern.compile("<version>([^<]+)</version>").matcher(pom);
        assertThat(version.find(afterParent)).as("root pom has a project version").isTrue();
        return version.group(1).trim();
    }
}
