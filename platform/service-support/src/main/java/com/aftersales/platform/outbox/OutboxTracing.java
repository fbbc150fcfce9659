package com.aftersales.platform.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Carries the W3C trace context across the outbox: captured as a {@code traceparent} when the event is written,
 * restored as the parent of a relay span when it is sent, so that the Kafka template's observation (and the
 * consumer's, downstream) continue the trace of the request that caused the event.
 */
public class OutboxTracing {

    static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    /** Either may be null (tracing off): then the stored traceparent is passed on as a plain header. */
    public OutboxTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The traceparent of the current span, or null when there is none. */
    String currentTraceparent() {
        if (tracer == null || propagator == null) {
            return null;
        }
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Runs {@code send} as a child of {@code traceparent}; without a tracer, adds the header itself. */
    <T> T sendInTrace(ProducerRecord<?, ?> record, String traceparent, Supplier<T> send) {
        if (traceparent == null) {
            return send.get();
        }
        if (tracer == null || propagator == null) {
            record.headers().add(TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
            return send.get();
        }
        Span span = propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get)
                .name("outbox relay").kind(Span.Kind.PRODUCER).tag("messaging.destination.name", record.topic()).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return send.get();
        } finally {
            span.end();
        }
    }
}
