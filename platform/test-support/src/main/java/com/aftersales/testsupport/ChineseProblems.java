package com.aftersales.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks a service for an error in Chinese ({@code Accept-Language: zh-CN}) and says what in the answer a Chinese reader
 * would not read: the title, the detail and every field message must have Chinese and no English phrase
 * ({@link ChineseText}).
 */
public final class ChineseProblems {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ChineseProblems() {
    }

    /** The answer to one request in Chinese. */
    public record Answer(int status, JsonNode body, List<String> notChinese) {
    }

    /** @param body JSON to POST, or null for a GET */
    public static Answer request(int port, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", "zh-CN,zh;q=0.9")
                .header("Authorization", TestIdentity.bearer(TestIdentity.ADMIN));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(response.body());
            return new Answer(response.statusCode(), json, notChinese(json));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The texts of a problem a Chinese reader would not read, with what is wrong with each. */
    public static List<String> notChinese(JsonNode problem) {
        List<String> texts = new ArrayList<>();
        texts.add(problem.path("title").asString(""));
        if (problem.has("detail")) {
            texts.add(problem.path("detail").asString(""));
        }
        problem.path("errors").forEach(error -> texts.add(error.path("message").asString("")));
        List<String> wrong = new ArrayList<>();
        for (String text : texts) {
            if (!ChineseText.hasChinese(text) || !ChineseText.englishSentences(text).isEmpty()) {
                wrong.add(text);
            }
        }
        return wrong;
    }
}
