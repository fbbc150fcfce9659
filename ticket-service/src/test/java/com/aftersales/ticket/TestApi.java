package com.aftersales.ticket;

import com.aftersales.contracts.EventEnvelope;
import com.aftersales.devidentity.DevUser;
import com.aftersales.testsupport.TestIdentity;
import com.aftersales.testsupport.KafkaTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * HTTP and Kafka helpers of the service's integration tests: a real client against the running service, calling as
 * a call-centre agent unless {@link #as(DevUser)} says otherwise.
 */
public final class TestApi {

    private final int port;
    private final String authorization;
    private final HttpClient http = HttpClient.newHttpClient();
    public final JsonMapper json = JsonMapper.builder().build();

    public TestApi(int port) {
        this(port, TestIdentity.AGENT);
    }

    private TestApi(int port, DevUser user) {
        this.port = port;
        this.authorization = user == null ? null : TestIdentity.bearer(user);
    }

    /** The same client calling as {@code user} (null: without a token). */
    public TestApi as(DevUser user) {
        return new TestApi(port, user);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        return send("POST", path, body, headers);
    }

    public HttpResponse<String> patch(String path, String body, Map<String, String> headers) throws Exception {
        return send("PATCH", path, body, headers);
    }

    public HttpResponse<String> put(String path, String body, Map<String, String> headers) throws Exception {
        return send("PUT", path, body, headers);
    }

    public HttpResponse<String> delete(String path) throws Exception {
        return http.send(authorized(HttpRequest.newBuilder(uri(path))).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET with extra headers (Accept-Language, ...). */
    public HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(uri(path))).GET();
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(authorized(HttpRequest.newBuilder(uri(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    /** A GET asking for an answer in {@code acceptLanguage} (e.g. zh-CN). */
    public JsonNode getJson(String path, String acceptLanguage) throws Exception {
        HttpResponse<String> response = http.send(authorized(HttpRequest.newBuilder(uri(path)))
                .header("Accept-Language", acceptLanguage).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    public JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    public JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(uri(path))).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Registers a Shanghai customer and returns its id. */
    public String registerCustomer(String name, String phone, String tier) throws Exception {
        HttpResponse<String> response = post("/api/customers", """
                {"name":"%s","phones":["%s"],"tier":"%s","preferredLanguage":"zh-CN","contactConsent":true,
                 "addresses":[{"label":"家","line":"上海市徐汇区漕溪北路 331 号 6 楼","regionCode":"310104",
                               "latitude":31.1885,"longitude":121.4365}]}""".formatted(name, phone, tier), Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response).path("id").asString();
    }

    /** Registers a unit to the customer and returns its id. */
    public String registerProduct(String customerId, String serial, String model, LocalDate purchaseDate,
                                  boolean warrantyCard) throws Exception {
        HttpResponse<String> response = post("/api/customers/" + customerId + "/products", productBody(serial, model,
                purchaseDate, warrantyCard), Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response).path("id").asString();
    }

    /** Opens a repair ticket on the customer's registered unit and returns its id. */
    public String openTicket(String customerId, String serial, String model, String channel, String description)
            throws Exception {
        HttpResponse<String> response = post("/api/tickets", ticketBody(customerId, serial, model, channel, description),
                Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response).path("id").asString();
    }

    public static String productBody(String serial, String model, LocalDate purchaseDate, boolean warrantyCard) {
        return """
                {"serialNumber":"%s","model":"%s","category":"AIR_CONDITIONER","batchNumber":"B2025-07",
                 "purchaseDate":"%s","storeCode":"SH-XH-001","priceType":"REGULAR","warrantyCardPresent":%s,
                 "installAddress":{"line":"上海市浦东新区张江路 88 弄 5 号 1202 室","regionCode":"310115",
                                   "latitude":31.2044,"longitude":121.5907}}"""
                .formatted(serial, model, purchaseDate, warrantyCard);
    }

    public static String ticketBody(String customerId, String serial, String model, String channel, String description) {
        return """
                {"customerId":"%s","serialNumber":"%s","model":"%s","ticketType":"REPAIR","channel":"%s",
                 "faultCategory":"COOLING","faultCode":"E1","faultDescription":"%s"}"""
                .formatted(customerId, serial, model, channel, description);
    }

    /** The first event of {@code type} with {@code key} on {@code topic}. */
    public static EventEnvelope<?> awaitEvent(String topic, String key, String type) {
        return awaitEvents(topic, key, type, 1).get(0);
    }

    /** At least {@code count} events of {@code type} with {@code key}, and any extra that arrive shortly after. */
    public static List<EventEnvelope<?>> awaitEvents(String topic, String key, String type, int count) {
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            AtomicReference<List<EventEnvelope<?>>> found = new AtomicReference<>(List.of());
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                found.set(kafka.events(topic, key, 1, Duration.ofSeconds(20)).stream()
                        .filter(e -> e.type().type().equals(type)).toList());
                return found.get().size() >= count;
            });
            return found.get();
        }
    }
}
