package com.aftersales.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import com.aftersales.gateway.correlation.CorrelationId;

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
 * itself has the same shape.
 */
@Component
public class ProblemWriter {

	/** Prefix of every problem type the platform uses. */
	public static final String TYPE_PREFIX = "urn:aftersales:problem:";

	private final JsonMapper jsonMapper;

	ProblemWriter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
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
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", TYPE_PREFIX + slug);
		body.put("title", status.getReasonPhrase());
		body.put("status", status.value());
		body.put("detail", detail);
		body.put("instance", exchange.getRequest().getPath().value());
		body.put("correlationId", CorrelationId.of(exchange));

		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		HttpHeaders responseHeaders = response.getHeaders();
		// Drop whatever a half-finished proxy attempt left behind (e.g. backend Content-Length).
		responseHeaders.clear();
		responseHeaders.addAll(headers);
		responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		responseHeaders.setCacheControl("no-store");
		byte[] json = jsonMapper.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		responseHeaders.setContentLength(json.length);
		DataBuffer buffer = response.bufferFactory().wrap(json);
		return response.writeWith(Mono.just(buffer));
	}

}
