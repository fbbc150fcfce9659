package com.aftersales.gateway.correlation;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Bridges the Reactor context entry {@link CorrelationId#MDC_KEY} and the SLF4J MDC, so log
 * lines written inside the reactive chain carry the id whatever thread they run on. Registered
 * through {@code META-INF/services}; active with {@code spring.reactor.context-propagation=auto}.
 */
public final class CorrelationIdMdcAccessor implements ThreadLocalAccessor<String> {

    @Override
    public Object key() {
        return CorrelationId.MDC_KEY;
    }

    @Override
    public String getValue() {
        return MDC.get(CorrelationId.MDC_KEY);
    }

    @Override
    public void setValue(String value) {
        MDC.put(CorrelationId.MDC_KEY, value);
    }

    @Override
    public void setValue() {
        MDC.remove(CorrelationId.MDC_KEY);
    }

}
