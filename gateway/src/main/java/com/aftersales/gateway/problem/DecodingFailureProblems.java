package com.aftersales.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

import com.aftersales.gateway.correlation.CorrelationId;
import com.aftersales.gateway.security.EdgeSecurityProperties;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Answers Reactor Netty gives before WebFlux sees a request, when it cannot decode it: 400 (a malformed request
 * line or header), 413, 414 (URI too long) and 431 (headers too large). Netty writes them with an empty body and
 * no headers; this handler, between the HTTP codec and Reactor Netty's traffic handler, turns them into the
 * platform's problem (English: the request's Accept-Language could not be read) with a fresh correlation id and the
 * same security headers as every other answer of the gateway.
 */
@Component
class DecodingFailureProblems implements NettyServerCustomizer {

    static final String HANDLER_NAME = "aftersales.decodingFailureProblems";

    private static final Set<Integer> DECODING_FAILURES = Set.of(400, 413, 414, 431);

    private final JsonMapper jsonMapper;

    private final String contentSecurityPolicy;

    DecodingFailureProblems(JsonMapper jsonMapper, EdgeSecurityProperties edge) {
        this.jsonMapper = jsonMapper;
        this.contentSecurityPolicy = edge.contentSecurityPolicy();
    }

    @Override
    public reactor.netty.http.server.HttpServer apply(reactor.netty.http.server.HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null
                    && channel.pipeline().get(HANDLER_NAME) == null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, new Rewriter());
            }
        });
    }

    /** The problem body Netty's bare answer of {@code status} becomes. */
    byte[] problem(HttpStatus status, String correlationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ProblemWriter.TYPE_PREFIX + (status == HttpStatus.BAD_REQUEST ? "malformed-request"
                : ProblemWriter.slugOf(status)));
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", switch (status.value()) {
            case 414 -> "The request URI is longer than the gateway accepts";
            case 431 -> "The request headers are larger than the gateway accepts";
            case 413 -> "The request is larger than the gateway accepts";
            default -> "The request could not be read as HTTP";
        });
        body.put("correlationId", correlationId);
        return jsonMapper.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }

    void securityHeaders(HttpHeaders headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Content-Security-Policy", contentSecurityPolicy);
        headers.set(HttpHeaderNames.CACHE_CONTROL, "no-store");
    }

    @ChannelHandler.Sharable
    private final class Rewriter extends ChannelDuplexHandler {

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
            if (message instanceof FullHttpResponse response && DECODING_FAILURES.contains(response.status().code())
                    && response.content().readableBytes() == 0
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
                String correlationId = UUID.randomUUID().toString();
                byte[] json = problem(HttpStatus.valueOf(response.status().code()), correlationId);
                FullHttpResponse problem = new DefaultFullHttpResponse(response.protocolVersion(), response.status(),
                        Unpooled.wrappedBuffer(json));
                problem.headers().set(response.headers());
                problem.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                problem.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, json.length);
                problem.headers().set(CorrelationId.HEADER, correlationId);
                securityHeaders(problem.headers());
                response.release();
                super.write(context, problem, promise);
                return;
            }
            super.write(context, message, promise);
        }

    }

}
