package com.aftersales.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Gauges whose values come from a database (or broker) query. The queries run on one background thread every
 * {@link MetricsProperties#gaugeRefreshInterval()}, and a scrape only reads the last values: a Prometheus scrape
 * (or several Prometheus servers) never costs a query. When a query fails, the previous values stay.
 */
public class CachedGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CachedGauges.class);

    private final MeterRegistry meters;
    private final MetricsProperties properties;
    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private volatile ScheduledExecutorService scheduler;

    public CachedGauges(MeterRegistry meters, MetricsProperties properties) {
        this.meters = meters;
        this.properties = properties;
    }

    /**
     * A gauge with one time series per tag set returned by {@code query}. Return every expected tag set (zero
     * included) so that a series drops to zero instead of disappearing; a tag set no longer returned is removed.
     */
    public void register(String name, String description, Supplier<Map<Tags, ? extends Number>> query) {
        MultiGauge gauge = MultiGauge.builder(name).description(description).register(meters);
        Entry entry = new Entry(name, gauge, query);
        entries.add(entry);
        if (scheduler != null) {
            entry.refresh();
        }
    }

    /** A gauge with a single value. */
    public void register(String name, String description, String baseUnit, Supplier<? extends Number> query) {
        MultiGauge gauge = MultiGauge.builder(name).description(description).baseUnit(baseUnit).register(meters);
        Entry entry = new Entry(name, gauge, () -> Map.of(Tags.empty(), query.get()));
        entries.add(entry);
        if (scheduler != null) {
            entry.refresh();
        }
    }

    /** Runs every query now; the scheduler calls it, tests may too. */
    public void refreshAll() {
        entries.forEach(Entry::refresh);
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "metrics-gauges");
            thread.setDaemon(true);
            return thread;
        });
        long period = properties.gaugeRefreshInterval().toMillis();
        executor.scheduleWithFixedDelay(this::refreshAll, 0, period, TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    /**
     * Stops after every bean that registers gauges. Spring stops a lifecycle bean's dependents before the bean itself:
     * at the default phase this would stop the outbox relay (which registers its gauges here) before the web server
     * drained, and the events of the last in-flight requests would stay unpublished until the next start.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = scheduler;
        scheduler = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    private static final class Entry {

        private final String name;
        private final MultiGauge gauge;
        private final Supplier<Map<Tags, ? extends Number>> query;
        private volatile boolean failing;

        Entry(String name, MultiGauge gauge, Supplier<Map<Tags, ? extends Number>> query) {
            this.name = name;
            this.gauge = gauge;
            this.query = query;
        }

        void refresh() {
            try {
                Map<Tags, ? extends Number> values = query.get();
                gauge.register(values.entrySet().stream()
                        .map(e -> MultiGauge.Row.of(e.getKey(), e.getValue()))
                        .toList(), true);
                failing = false;
            } catch (RuntimeException e) {
                // Database or broker away: keep the last values rather than drop the series; say so once per outage.
                if (!failing) {
                    log.warn("Gauge {} not refreshed, keeping its last values: {}", name, e.toString());
                }
                failing = true;
            }
        }
    }
}
