package com.aftersales.launcher;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The launcher's people and clients ({@link DemoIdentities}) written into the Keycloak realm through its admin REST API,
 * as an operator would: the demo people get their generated passwords, role and scope attribute (a demo technician the
 * shipped realm lacks is created; one it has gets the id the demo data gave him), and the script and partner depot
 * clients are created or given the launcher's secrets. Everything else of the realm stays as shipped.
 */
final class KeycloakDirectory {

    /** The bootstrap administrator of the master realm (created by Keycloak on its first start). */
    static final String ADMIN_USER = "admin";
    private static final String ADMIN_CLIENT = "admin-cli";
    /** The realm's attribute behind the {@code name} claim: the full name as written (王丽, family name first). */
    static final String DISPLAY_NAME = "displayName";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int NOT_FOUND = 404;
    private static final int CLIENT_ERROR = 400;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KeycloakIdentity keycloak;
    private final String adminPassword;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();

    KeycloakDirectory(KeycloakIdentity keycloak, String adminPassword) {
        this.keycloak = keycloak;
        this.adminPassword = adminPassword;
    }

    /** Makes the realm hold {@code users} and {@code clients} with the launcher's passwords, secrets, roles and claims. */
    void apply(List<DemoUser> users, List<DemoIdentities.Client> clients) {
        String token = adminToken();
        for (DemoIdentities.Client client : clients) {
            applyClient(token, client);
        }
        for (DemoUser user : users) {
            applyUser(token, user);
        }
    }

    private void applyClient(String token, DemoIdentities.Client client) {
        JsonNode found = send(token, "GET", "/clients?clientId=" + form(client.clientId()), null);
        ObjectNode representation;
        if (found.isEmpty()) {
            representation = JSON.createObjectNode()
                    .put("clientId", client.clientId())
                    .put("protocol", "openid-connect")
                    .put("publicClient", false)
                    .put("clientAuthenticatorType", "client-secret")
                    .put("standardFlowEnabled", false)
                    .put("directAccessGrantsEnabled", false)
                    .put("serviceAccountsEnabled", true);
        } else {
            representation = (ObjectNode) found.get(0);
        }
        representation.put("name", client.name()).put("enabled", true).put("secret", client.secret());
        ObjectNode attributes = representation.has("attributes") ? (ObjectNode) representation.get("attributes")
                : representation.putObject("attributes");
        attributes.put("access.token.lifespan", Long.toString(client.timeToLive().toSeconds()));
        String id;
        if (found.isEmpty()) {
            send(token, "POST", "/clients", representation);
            id = send(token, "GET", "/clients?clientId=" + form(client.clientId()), null).get(0).get("id").asString();
        } else {
            id = representation.get("id").asString();
            send(token, "PUT", "/clients/" + id, representation);
        }
        ObjectNode account = (ObjectNode) send(token, "GET", "/clients/" + id + "/service-account-user", null);
        setClaims(account, client.claims());
        send(token, "PUT", "/users/" + account.get("id").asString(), account);
        grantRole(token, account.get("id").asString(), client.role());
    }

    private void applyUser(String token, DemoUser user) {
        JsonNode found = send(token, "GET", "/users?exact=true&username=" + form(user.username()), null);
        ObjectNode representation;
        if (found.isEmpty()) {
            representation = JSON.createObjectNode().put("username", user.username()).put("enabled", true);
            setClaims(representation, user.claims());
            setClaims(representation, Map.of(DISPLAY_NAME, user.name()));
            send(token, "POST", "/users", representation);
            representation = (ObjectNode) send(token, "GET", "/users?exact=true&username=" + form(user.username()), null).get(0);
        } else {
            representation = (ObjectNode) found.get(0);
            setClaims(representation, user.claims());
            setClaims(representation, Map.of(DISPLAY_NAME, user.name()));
            representation.put("enabled", true);
            representation.putArray("requiredActions");
            send(token, "PUT", "/users/" + representation.get("id").asString(), representation);
        }
        String id = representation.get("id").asString();
        grantRole(token, id, user.role());
        send(token, "PUT", "/users/" + id + "/reset-password", JSON.createObjectNode()
                .put("type", "password").put("value", user.password()).put("temporary", false));
    }

    private static void setClaims(ObjectNode representation, Map<String, String> claims) {
        ObjectNode attributes = representation.has("attributes") && representation.get("attributes").isObject()
                ? (ObjectNode) representation.get("attributes") : representation.putObject("attributes");
        claims.forEach((name, value) -> attributes.putArray(name).add(value));
    }

    /** Adding a realm role the user already has changes nothing. */
    private void grantRole(String token, String userId, String role) {
        JsonNode representation = send(token, "GET", "/roles/" + form(role), null);
        ArrayNode roles = JSON.createArrayNode().add(representation);
        send(token, "POST", "/users/" + userId + "/role-mappings/realm", roles);
    }

    private String adminToken() {
        String body = "grant_type=password&client_id=" + ADMIN_CLIENT + "&username=" + ADMIN_USER + "&password=" + form(adminPassword);
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(keycloak.masterTokenUri())).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() >= CLIENT_ERROR) {
            throw new IllegalStateException("Keycloak refused its bootstrap administrator (" + response.statusCode()
                    + "): was its database created with another password? Delete " + "the data directory's keycloak/ to start afresh");
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private JsonNode send(String token, String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloak.adminUrl() + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = exchange(request.build());
        if (response.statusCode() >= CLIENT_ERROR) {
            throw new IllegalStateException("Keycloak admin API: " + method + " " + path + " answered " + response.statusCode()
                    + (response.statusCode() == NOT_FOUND ? "" : " " + response.body()));
        }
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach Keycloak at " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while talking to Keycloak", e);
        }
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
