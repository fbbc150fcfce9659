package com.aftersales.feedback.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server (the JDK's) standing in for the SMS gateway and WeChat's message API: it records every request
 * and answers 200 unless a recipient has scripted answers queued.
 */
final class FakeProviders implements AutoCloseable {

    record Received(String path, String authorization, JsonNode body) {
    }

    record Answer(int status, String body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();

    FakeProviders() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms/send", exchange -> answer(exchange, "to", new Answer(200, "{\"status\":\"queued\"}")));
        server.createContext("/wechat/send", exchange -> answer(exchange, "touser", new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":42}")));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next answers for this recipient, in order; afterwards the default. */
    void script(String recipient, Answer... answers) {
        scripts.computeIfAbsent(recipient, r -> new ArrayDeque<>()).addAll(List.of(answers));
    }

    List<Received> to(String recipientField, String recipient) {
        return received.stream().filter(r -> recipient.equals(r.body().path(recipientField).asString(""))).toList();
    }

    private void answer(HttpExchange exchange, String recipientField, Answer normal) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"), body));
        Deque<Answer> script = scripts.get(body.path(recipientField).asString(""));
        Answer answer = script == null || script.isEmpty() ? normal : script.poll();
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
