package com.aftersales.e2e;

import com.aftersales.launcher.EmbeddedPlatform;
import com.aftersales.launcher.PlatformService;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated hostile-input sweep: every operation of every service's OpenAPI document (read through the gateway)
 * gets hostile values (NUL, unpaired surrogates, out-of-range and impossible dates, huge numbers, wrong types,
 * overlong strings, path traversal, SQL and JSON injection strings, missing and extra fields, empty and malformed
 * bodies, a wrong content type) in its path, query and body, one at a time on top of a valid-looking request, with a
 * token of a role the service's role table admits, and the plain request with a role it refuses. Values are
 * sampled per field (not a cross product) from a seeded random ({@code -Daftersales.hostile.seed}). Sent to the
 * service ports (no rate limit there) and, one per operation, through the gateway. Fails on any 5xx or no answer,
 * listing the operation and the input.
 */
@ExtendWith(DemoPlatform.class)
@Order(2)
class HostileInputE2EIT {

    private static final long SEED = Long.getLong("aftersales.hostile.seed", 19L);
    private static final int THREADS = 4;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOSTILE = "\"__hostile__\"";

    /** Raw JSON literals put in place of one body field. */
    private static final List<String> BODY_VALUES = List.of(
            "\"a\\u0000b\"", "\"x\\ud800y\"", "\"+999999-12-31T00:00:00Z\"", "\"2026-02-30\"", "\"-999999-01-01\"",
            "1e400", "99999999999999999999999999", "-99999999999999999999", "2147483648", "-1", "0.0000000001",
            "{\"$ne\":null}", "[]", "[\"a\",{\"b\":[]}]", "true", "null", "\"\"", "\"" + "长".repeat(20_000) + "\"",
            "\"../../../../etc/passwd\"", "\"' OR '1'='1'; DROP TABLE outbox_event; --\"", "\"\\\"},{\\\"x\\\":1\"",
            "\"2026-13-01T25:61:00Z\"", "\"not-a-uuid\"", "\"00000000-0000-0000-0000-000000000000\"");
    /** Raw (unencoded) query values. */
    private static final List<String> QUERY_VALUES = List.of(
            "a\u0000b", "+999999-12-31T00:00:00Z", "-999999-01-01T00:00:00Z", "2026-02-30", "99999999999999999999999",
            "-1", "2147483648", "abc", "x".repeat(3000), "../../../../etc/passwd", "' OR '1'='1'; --", "{\"$ne\":null}",
            "", "2026-13", "NaN");
    /** Already URL-encoded path segments. */
    private static final List<String> PATH_VALUES = List.of(
            "a%00b", "..%2F..%2Fetc%2Fpasswd", "%27%20OR%201%3D1--", "x".repeat(3000), "99999999999999999999",
            "%ED%A0%80", "%C0%AE%C0%AE", "%20", "00000000-0000-0000-0000-000000000000");
    private static final List<String> WHOLE_BODIES = List.of("", "{}", "null", "[]", "{not json", "\"text\"",
            "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}");

    record Operation(PlatformService service, String method, String path, JsonNode operation, JsonNode document) {
        String name() {
            return method + " " + path;
        }
    }

    record Roles(String allowed, String refused) {
    }

    record Probe(Operation operation, String role, String target, String method, String uri, String contentType,
                 String body, String what) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(SEED);

    @Test
    void noOperationOfAnyServiceAnswers5xxToHostileInput() throws Exception {
        EmbeddedPlatform platform = DemoPlatform.platform();
        Map<String, String> tokens = platform.demoTokens();
        List<Operation> operations = new ArrayList<>();
        Map<String, Roles> roles = new LinkedHashMap<>();
        for (PlatformService service : PlatformService.BACKENDS) {
            HttpResponse<String> document = http.send(HttpRequest.newBuilder(
                    URI.create(platform.gatewayUrl() + "/v3/api-docs/" + service.module())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(document.statusCode()).as(service.module() + " OpenAPI document").isEqualTo(200);
            operations.addAll(operations(service, JSON.readTree(document.body())));
            roles.putAll(roleTable(DemoPlatform.projectRoot().resolve(service.module()).resolve("README.md")));
        }
        assertThat(operations).as("operations in the OpenAPI documents").hasSizeGreaterThan(100);

        List<Probe> probes = new ArrayList<>();
        List<String> withoutRoles = new ArrayList<>();
        for (Operation operation : operations) {
            Roles allowed = roles.get(operation.name());
            if (allowed == null) {
                withoutRoles.add(operation.name());
                continue;
            }
            probes.addAll(probes(operation, allowed, platform));
        }
        assertThat(withoutRoles).as("operations missing from the role tables").isEmpty();

        long started = System.nanoTime();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> notProblems = new ConcurrentLinkedQueue<>();
        AtomicInteger serverErrors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (Probe probe : probes) {
                sent.add(pool.submit(() -> {
                    String token = tokens.get(probe.role());
                    try {
                        HttpResponse<String> response = send(probe, token);
                        if (response.statusCode() >= 500) {
                            serverErrors.incrementAndGet();
                            failures.add(describe(probe) + " -> " + response.statusCode() + " "
                                    + excerpt(response.body()));
                        } else if (response.statusCode() >= 400 && !response.headers().firstValue("Content-Type")
                                .orElse("").startsWith("application/problem+json")) {
                            notProblems.add(describe(probe) + " -> " + response.statusCode() + " "
                                    + response.headers().firstValue("Content-Type").orElse("(no content type)"));
                        }
                    } catch (IOException e) {
                        failures.add(describe(probe) + " -> no answer: " + e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("Hostile input (seed %d): %d operations, %d requests in %d s, %d answered 5xx, %d without an "
                        + "answer, %d error answers not problem+json%n", SEED, operations.size(), probes.size(),
                took.toSeconds(), serverErrors.get(), failures.size() - serverErrors.get(), notProblems.size());
        notProblems.stream().sorted().limit(20).forEach(line -> System.out.println("  not a problem: " + line));
        assertThat(failures.stream().sorted().toList()).as("5xx or no answer to hostile input").isEmpty();
        assertThat(notProblems.stream().sorted().toList()).as("error answers that are not problem+json").isEmpty();
    }

    // --- what to send ---------------------------------------------------------------------------------------------

    private List<Probe> probes(Operation operation, Roles roles, EmbeddedPlatform platform) {
        List<Probe> probes = new ArrayList<>();
        String base = platform.serviceUrl(operation.service());
        Map<String, JsonNode> pathParameters = parameters(operation, "path");
        Map<String, JsonNode> queryParameters = parameters(operation, "query");
        Map<String, String> validPath = new LinkedHashMap<>();
        pathParameters.forEach((name, schema) -> validPath.put(name, encode(scalarText(valid(schema, operation.document(), 0)))));
        Map<String, String> validQuery = new LinkedHashMap<>();
        queryParameters.forEach((name, schema) -> validQuery.put(name, scalarText(valid(schema, operation.document(), 0))));
        JsonNode bodySchema = bodySchema(operation);
        String validBody = bodySchema == null ? null : JSON.writeValueAsString(valid(bodySchema, operation.document(), 0));
        String contentType = bodySchema == null ? null : "application/json";

        java.util.function.BiFunction<Map<String, String>, Map<String, String>, String> uri = (path, query) -> {
            String resolved = operation.path();
            for (Map.Entry<String, String> entry : path.entrySet()) {
                resolved = resolved.replace("{" + entry.getKey() + "}", entry.getValue());
            }
            String queryString = query.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
            return resolved + (queryString.isEmpty() ? "" : "?" + queryString);
        };
        String validUri = uri.apply(validPath, validQuery);
        probes.add(new Probe(operation, roles.allowed(), base, operation.method(), validUri, contentType, validBody,
                "valid-looking request"));
        if (roles.refused() != null) {
            probes.add(new Probe(operation, roles.refused(), base, operation.method(), validUri, contentType, validBody,
                    "refused role " + roles.refused()));
        }
        for (String name : pathParameters.keySet()) {
            for (String value : sample(PATH_VALUES, 3)) {
                Map<String, String> path = new LinkedHashMap<>(validPath);
                path.put(name, value);
                probes.add(new Probe(operation, roles.allowed(), base, operation.method(), uri.apply(path, validQuery),
                        contentType, validBody, "path " + name + "=" + shorten(value)));
            }
        }
        for (String name : queryParameters.keySet()) {
            for (String value : sample(QUERY_VALUES, 4)) {
                Map<String, String> query = new LinkedHashMap<>(validQuery);
                query.put(name, value);
                probes.add(new Probe(operation, roles.allowed(), base, operation.method(), uri.apply(validPath, query),
                        contentType, validBody, "query " + name + "=" + shorten(value)));
            }
        }
        // Parameters the operation does not declare, and a declared one repeated.
        probes.add(new Probe(operation, roles.allowed(), base, operation.method(),
                validUri + (validUri.contains("?") ? "&" : "?") + "unexpected=%00&page=-1&size=99999999", contentType,
                validBody, "undeclared query parameters"));
        if (validBody != null) {
            List<String> fields = fieldPaths(JSON.readTree(validBody), "");
            for (String field : sampleFields(fields, 14)) {
                for (String value : sample(BODY_VALUES, 2)) {
                    probes.add(new Probe(operation, roles.allowed(), base, operation.method(), validUri, contentType,
                            replaced(validBody, field, value), "body " + field + "=" + shorten(value)));
                }
                probes.add(new Probe(operation, roles.allowed(), base, operation.method(), validUri, contentType,
                        without(validBody, field), "body without " + field));
            }
            ObjectNode extra = (ObjectNode) (JSON.readTree(validBody).isObject() ? JSON.readTree(validBody) : NODES.objectNode());
            extra.put("unexpectedField", "\u4e00");
            extra.putObject("__proto__").put("admin", true);
            probes.add(new Probe(operation, roles.allowed(), base, operation.method(), validUri, contentType,
                    JSON.writeValueAsString(extra), "extra fields"));
            for (String whole : sample(WHOLE_BODIES, 3)) {
                probes.add(new Probe(operation, roles.allowed(), base, operation.method(), validUri, contentType, whole,
                        "whole body " + shorten(whole)));
            }
            probes.add(new Probe(operation, roles.allowed(), base, operation.method(), validUri, "text/plain", validBody,
                    "wrong content type"));
            probes.add(new Probe(operation, roles.allowed(), base, operation.method(), validUri, null, null,
                    "no body, no content type"));
        }
        // Through the gateway once per operation: a NUL in the first string field or parameter.
        String hostileBody = validBody;
        String hostileUri = validUri;
        if (validBody != null && !fieldPaths(JSON.readTree(validBody), "").isEmpty()) {
            hostileBody = replaced(validBody, fieldPaths(JSON.readTree(validBody), "").get(0), "\"a\\u0000b\"");
        } else if (!queryParameters.isEmpty()) {
            Map<String, String> query = new LinkedHashMap<>(validQuery);
            query.put(queryParameters.keySet().iterator().next(), "a\u0000b");
            hostileUri = uri.apply(validPath, query);
        } else if (!pathParameters.isEmpty()) {
            Map<String, String> path = new LinkedHashMap<>(validPath);
            path.put(pathParameters.keySet().iterator().next(), "a%00b");
            hostileUri = uri.apply(path, validQuery);
        }
        probes.add(new Probe(operation, roles.allowed(), platform.gatewayUrl(), operation.method(), hostileUri,
                contentType, hostileBody, "through the gateway, NUL in the first field"));
        return probes;
    }

    private HttpResponse<String> send(Probe probe, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(probe.target() + probe.uri()));
        } catch (IllegalArgumentException notAUri) {
            throw new IOException("the client cannot build this URI: " + notAUri.getMessage());
        }
        request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
        if (probe.contentType() != null) {
            request.header("Content-Type", probe.contentType());
        }
        HttpRequest.BodyPublisher body = probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(probe.body().replace(HOSTILE, "null"), StandardCharsets.UTF_8);
        request.method(probe.method(), body);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- the OpenAPI documents ------------------------------------------------------------------------------------

    private static List<Operation> operations(PlatformService service, JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    operations.add(new Operation(service, method.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                            method.getValue(), document));
                }
            }
        }
        return operations;
    }

    private static Map<String, JsonNode> parameters(Operation operation, String in) {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        for (JsonNode parameter : operation.operation().path("parameters")) {
            JsonNode resolved = resolve(parameter, operation.document());
            if (in.equals(resolved.path("in").asString())) {
                parameters.put(resolved.path("name").asString(), resolved.path("schema"));
            }
        }
        return parameters;
    }

    private static JsonNode bodySchema(Operation operation) {
        JsonNode content = resolve(operation.operation().path("requestBody"), operation.document()).path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return null;
        }
        JsonNode json = content.has("application/json") ? content.get("application/json") : content.values().iterator().next();
        return json.path("schema");
    }

    private static JsonNode resolve(JsonNode node, JsonNode document) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asString();
            current = document.at(ref.substring(1));
        }
        return current;
    }

    /** A value that satisfies the schema as far as a schema can say: the baseline the hostile values replace parts of. */
    private static JsonNode valid(JsonNode schemaNode, JsonNode document, int depth) {
        JsonNode schema = resolve(schemaNode, document);
        if (depth > 6) {
            return NODES.nullNode();
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combinator) && !schema.get(combinator).isEmpty()) {
                if (combinator.equals("allOf")) {
                    ObjectNode merged = NODES.objectNode();
                    for (JsonNode part : schema.get(combinator)) {
                        JsonNode value = valid(part, document, depth + 1);
                        if (value.isObject()) {
                            merged.setAll((ObjectNode) value);
                        }
                    }
                    return merged;
                }
                return valid(schema.get(combinator).get(0), document, depth + 1);
            }
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asString() : schema.path("type").asString("");
        if (type.isEmpty() && schema.has("properties")) {
            type = "object";
        }
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                    object.set(property.getKey(), valid(property.getValue(), document, depth + 1));
                }
                if (schema.path("additionalProperties").isObject()) {
                    object.set("key", valid(schema.get("additionalProperties"), document, depth + 1));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(valid(schema.path("items"), document, depth + 1));
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            }
            case "number" -> {
                return NODES.numberNode(Math.max(1.5, schema.path("minimum").asDouble(1.5)));
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            case "string" -> {
                return NODES.stringNode(switch (schema.path("format").asString("")) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date" -> "2026-01-15";
                    case "date-time" -> "2026-01-15T08:00:00Z";
                    default -> "测试" + "x".repeat(Math.max(0, schema.path("minLength").asInt(0) - 2));
                });
            }
            default -> {
                return NODES.stringNode("x");
            }
        }
    }

    /** {@code GET /api/...} → the roles of a service README's generated role table (first admitted, first refused). */
    private static Map<String, Roles> roleTable(Path readme) throws IOException {
        Map<String, Roles> roles = new LinkedHashMap<>();
        List<String> header = null;
        Pattern row = Pattern.compile("^\\| `([A-Z]+ [^`]+)` \\|(.*)$");
        for (String line : Files.readAllLines(readme)) {
            if (line.startsWith("| endpoint |")) {
                header = List.of(line.split("\\|")).stream().map(String::trim).toList();
                continue;
            }
            Matcher matcher = row.matcher(line);
            if (header != null && matcher.matches()) {
                String[] cells = line.split("\\|", -1);
                String allowed = null;
                String refused = null;
                for (int i = 2; i < cells.length && i < header.size(); i++) {
                    if (!header.get(i).matches("[A-Z_]+")) {
                        continue;
                    }
                    if (cells[i].contains("✓")) {
                        allowed = allowed == null ? header.get(i) : allowed;
                    } else {
                        refused = refused == null ? header.get(i) : refused;
                    }
                }
                if (allowed != null) {
                    roles.put(matcher.group(1), new Roles(allowed, refused));
                }
            }
        }
        return roles;
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private <T> List<T> sample(List<T> values, int count) {
        List<T> copy = new ArrayList<>(values);
        java.util.Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(count, copy.size()));
    }

    private List<String> sampleFields(List<String> fields, int count) {
        return fields.size() <= count ? fields : sample(fields, count);
    }

    /** JSON pointers of every leaf and container below the root, e.g. {@code /lines/0/note}. */
    private static List<String> fieldPaths(JsonNode node, String prefix) {
        List<String> paths = new ArrayList<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String path = prefix + "/" + property.getKey().replace("~", "~0").replace("/", "~1");
                paths.add(path);
                paths.addAll(fieldPaths(property.getValue(), path));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                paths.add(prefix + "/" + i);
                paths.addAll(fieldPaths(node.get(i), prefix + "/" + i));
            }
        }
        return paths;
    }

    /** The body with the field at {@code pointer} replaced by the raw JSON literal {@code value}. */
    private static String replaced(String body, String pointer, String value) {
        JsonNode tree = JSON.readTree(body);
        set(tree, pointer, NODES.stringNode("__hostile__"));
        return JSON.writeValueAsString(tree).replace(HOSTILE, value);
    }

    private static String without(String body, String pointer) {
        JsonNode tree = JSON.readTree(body);
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = tree.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.remove(last);
        } else if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(last));
        }
        return JSON.writeValueAsString(tree);
    }

    private static void set(JsonNode tree, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = tree.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }

    private static String scalarText(JsonNode value) {
        return value.isValueNode() ? value.asString() : JSON.writeValueAsString(value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String shorten(String value) {
        String printable = value.replace("\u0000", "\\u0000");
        return printable.length() > 60 ? printable.substring(0, 40) + "...(" + printable.length() + " chars)" : printable;
    }

    private static String describe(Probe probe) {
        return probe.operation().service().module() + " " + probe.operation().name() + " as " + probe.role()
                + " [" + probe.what() + "] " + shorten(probe.method() + " " + probe.uri());
    }

    private static String excerpt(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) : body;
    }
}
