package com.aftersales.feedback.notification;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A message provider reached over HTTP with a JSON body (the SMS gateway, WeChat's message API). 2xx means taken;
 * 408, 429 and 5xx, timeouts and refused connections are worth a retry; any other 4xx refuses this message for good.
 */
abstract class HttpProviderChannel implements NotificationChannel {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_DETAIL = 300;

    private final NotificationProperties.HttpProvider provider;
    private final HttpClient client;

    HttpProviderChannel(NotificationProperties.HttpProvider provider) {
        this.provider = provider;
        this.client = HttpClient.newBuilder().connectTimeout(provider.connectTimeout()).build();
    }

    protected NotificationProperties.HttpProvider provider() {
        return provider;
    }

    /** The JSON body for this provider. */
    protected abstract Map<String, Object> body(Outgoing notice);

    /** The URI to post to. */
    protected URI target() {
        return URI.create(provider.baseUrl().toString().replaceAll("/+$", "") + provider.path());
    }

    /** A 2xx answer may still refuse the message (WeChat answers 200 with an errcode). */
    protected Result interpret(JsonNode answer) {
        return Result.delivered("accepted");
    }

    @Override
    public Result send(Outgoing notice) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target())
                .timeout(provider.readTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body(notice)), StandardCharsets.UTF_8));
        if (provider.apiKey() != null && !provider.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + provider.apiKey());
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            String detail = "HTTP " + status + " " + shorten(response.body());
            if (status >= 200 && status < 300) {
                String raw = response.body();
                return interpret(raw == null || raw.isBlank() ? JSON.nullNode() : JSON.readTree(raw));
            }
            if (status == 408 || status == 429 || status >= 500) {
                return Result.failed(detail);
            }
            return Result.rejected(detail);
        } catch (HttpTimeoutException e) {
            return Result.failed("timeout after " + provider.readTimeout());
        } catch (IOException e) {
            return Result.failed("provider unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.failed("interrupted");
        } catch (RuntimeException e) {
            // an unreadable 2xx body: the provider may have taken it; treated as a failure to retry
            return Result.failed("unreadable answer: " + e.getClass().getSimpleName());
        }
    }

    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
    }
}
