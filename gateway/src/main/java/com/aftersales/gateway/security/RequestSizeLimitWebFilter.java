package com.aftersales.gateway.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.aftersales.gateway.problem.GatewayRejection;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses bodies above {@code aftersales.gateway.security.max-request-size} with a 413 problem: at once when
 * {@code Content-Length} says so (before authentication, so an oversized upload costs nothing), and while
 * streaming for chunked bodies (the count stops the proxy before the backend gets the rest).
 */
@Component
class RequestSizeLimitWebFilter implements WebFilter, Ordered {

    /** Right after the correlation filter, ahead of Spring Security (-100). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final long defaultMaxBytes;

    private final List<Map.Entry<PathPattern, Long>> limits = new ArrayList<>();

    RequestSizeLimitWebFilter(EdgeSecurityProperties properties) {
        this.defaultMaxBytes = properties.maxRequestSize().toBytes();
        for (EdgeSecurityProperties.BodyLimit limit : properties.bodyLimits()) {
            for (String path : limit.paths()) {
                this.limits.add(Map.entry(PathPatternParser.defaultInstance.parse(path), limit.maxSize().toBytes()));
            }
        }
    }

    /** The limit of the first {@code body-limits} entry whose path matches, else {@code max-request-size}. */
    long maxBytes(ServerHttpRequest request) {
        for (Map.Entry<PathPattern, Long> limit : limits) {
            if (limit.getKey().matches(request.getPath().pathWithinApplication())) {
                return limit.getValue();
            }
        }
        return defaultMaxBytes;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long maxBytes = maxBytes(exchange.getRequest());
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Mono.error(tooLarge(maxBytes));
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        AtomicLong seen = new AtomicLong();
        ServerHttpRequest counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        sink.error(tooLarge(maxBytes));
                    }
                    else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private static GatewayRejection tooLarge(long maxBytes) {
        return new GatewayRejection(HttpStatus.CONTENT_TOO_LARGE, "content-too-large",
                "The request body is larger than " + maxBytes + " bytes.", (Duration) null);
    }

}
