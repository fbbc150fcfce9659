package com.aftersales.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import com.aftersales.gateway.correlation.CorrelationId;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes an RFC 9457 problem ({@code type,title,status,detail,instance,correlationId}) as the whole response.
 * Shared by the error handler and by the security and rate-limit answers, so every answer the gateway gives
 * itself has the same shape. Titles (and, for Chinese, details) follow {@code Accept-Language}: any {@code zh}
 * range gets Chinese, anything else English ({@code gateway-problems[_zh].properties}); the type never changes.
 */
@Component
public class ProblemWriter {

    /** Prefix of every problem type the platform uses. */
    public static final String TYPE_PREFIX = "urn:aftersales:problem:";

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final JsonMapper jsonMapper;

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    ProblemWriter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
        messages.setBasename("gateway-problems");
        messages.setDefaultEncoding("UTF-8");
        // Never the server's locale: a client that asked for nothing gets English.
        messages.setFallbackToSystemLocale(false);
    }

    /** Chinese for the first {@code zh} or {@code en} range the client names, whichever comes first; else English. */
    static Locale language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.equals("zh") || tag.startsWith("zh-")) {
                    return CHINESE;
                }
                if (tag.equals("en") || tag.startsWith("en-")) {
                    return Locale.ENGLISH;
                }
            }
        }
        catch (IllegalArgumentException malformed) {
            // A malformed header is not worth an error: English.
        }
        return Locale.ENGLISH;
    }

    /** The slug of a status, e.g. 413 becomes {@code content-too-large}. */
    public static String slugOf(HttpStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Replaces whatever headers the response has with {@code headers} plus the problem's own, and writes the body.
     * The correlation id header is set by the correlation filter just before commit.
     */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String detail,
            HttpHeaders headers) {
        Locale locale = language(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
        String path = exchange.getRequest().getPath().value();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + slug);
        body.put("title", messages.getMessage("problem." + slug + ".title", null, status.getReasonPhrase(), locale));
        body.put("status", status.value());
        body.put("detail", CHINESE.equals(locale)
                ? messages.getMessage("problem." + slug + ".detail", new Object[] { path }, detail, locale) : detail);
        body.put("instance", path);
        body.put("correlationId", CorrelationId.of(exchange));

        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        HttpHeaders responseHeaders = response.getHeaders();
        // Drop whatever a half-finished proxy attempt left behind (e.g. backend Content-Length).
        responseHeaders.clear();
        responseHeaders.addAll(headers);
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        responseHeaders.setCacheControl("no-store");
        responseHeaders.setContentLanguage(locale);
        responseHeaders.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        // The gateway answered without proxying (or the proxy attempt failed): close the connection after the answer
        // rather than reuse it, since the request (a refused body, say) may not have been read to its end. A client's
        // next request on a kept-alive connection after a 413 or 429 was seen to hang in the gateway's tests.
        responseHeaders.setConnection("close");
        byte[] json = jsonMapper.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        responseHeaders.setContentLength(json.length);
        DataBuffer buffer = response.bufferFactory().wrap(json);
        return response.writeWith(Mono.just(buffer));
    }

}
