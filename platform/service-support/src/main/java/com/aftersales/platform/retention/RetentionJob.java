package com.aftersales.platform.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes expired rows of the platform tables in batches: one {@code delete ... where ctid = any(array(select ctid ...
 * limit n))} per batch, each committed on its own, until a batch comes back short or the run's batch budget is spent.
 * Counts what it deleted in {@value #DELETED_METRIC} by table.
 */
public class RetentionJob implements SmartLifecycle {

    /** Counter, tag table: rows deleted by retention. */
    public static final String DELETED_METRIC = "aftersales.retention.deleted";

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final JdbcClient jdbc;
    private final RetentionProperties properties;
    private final List<RetentionTarget> targets;
    private final Clock clock;
    private final Map<String, Counter> deleted = new LinkedHashMap<>();
    private volatile ScheduledExecutorService scheduler;

    public RetentionJob(JdbcClient jdbc, RetentionProperties properties, List<RetentionTarget> targets, Clock clock,
                        MeterRegistry meters) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.targets = List.copyOf(targets);
        this.clock = clock;
        for (RetentionTarget target : this.targets) {
            deleted.put(target.table(), Counter.builder(DELETED_METRIC).tag("table", target.table())
                    .description("Rows deleted by the platform's retention job").register(meters));
        }
    }

    public List<RetentionTarget> targets() {
        return targets;
    }

    /** One run over every table: how many rows each lost. */
    public Map<String, Integer> runOnce() {
        Instant now = clock.instant();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RetentionTarget target : targets) {
            counts.put(target.table(), purge(target, now.minus(target.period())));
        }
        return counts;
    }

    private int purge(RetentionTarget target, Instant cutoff) {
        String sql = "delete from " + target.table() + " where ctid = any(array(select ctid from " + target.table()
                + " where " + target.timeColumn() + " < :cutoff limit :batch))";
        int total = 0;
        for (int batch = 0; batch < properties.maxBatchesPerRun(); batch++) {
            int rows = jdbc.sql(sql).param("cutoff", Timestamp.from(cutoff)).param("batch", properties.batchSize()).update();
            total += rows;
            deleted.get(target.table()).increment(rows);
            if (rows < properties.batchSize()) {
                break;
            }
        }
        if (total > 0) {
            log.info("Retention deleted {} rows of {} older than {}", total, target.table(), cutoff);
        }
        return total;
    }

    private void tick() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // The database may be away; the next run catches up.
            log.warn("Retention run failed, will retry in {}: {}", properties.interval(), e.toString());
        }
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "platform-retention");
            thread.setDaemon(true);
            return thread;
        });
        // The first run waits one interval: a service starting up has other work first.
        executor.scheduleWithFixedDelay(this::tick, properties.interval().toMillis(), properties.interval().toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler = executor;
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
}
