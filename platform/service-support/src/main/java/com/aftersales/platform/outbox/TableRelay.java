package com.aftersales.platform.outbox;

import com.aftersales.contracts.EventCodec;
import com.aftersales.platform.metrics.CachedGauges;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends the committed rows of an outbox-shaped table ({@link RelayTable}) to Kafka in insertion order and marks them
 * published.
 * <p>
 * One relay at a time per database and table: the batch runs under a transaction-scoped PostgreSQL advisory lock, so
 * several instances of a service never reorder the events of one aggregate. If the broker is down, the transaction
 * rolls back and the rows are retried on the next poll; a row that was sent but not marked (crash in between) is sent
 * again, which idempotent consumers absorb. Each table has its own thread and lock: one relay never waits on another.
 * <p>
 * The relay runs when woken ({@link #wake()}: after a local commit that wrote rows, or on the table's PostgreSQL
 * notification from any instance, see {@link RelayNotifications}) and otherwise every {@code pollInterval}, the
 * safety net for a lost notification.
 */
public abstract class TableRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TableRelay.class);

    private final RelayTable table;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaOperations<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final OutboxTracing tracing;
    private final Counter relayed;
    /** Permits are wake-ups; one pending permit is enough however many arrive while a batch is being sent. */
    private final Semaphore wakeups = new Semaphore(0);
    private volatile Thread worker;

    protected TableRelay(RelayTable table, JdbcClient jdbc, TransactionTemplate transactions,
                         KafkaOperations<String, byte[]> kafka, OutboxProperties properties, MeterRegistry meters,
                         CachedGauges gauges, OutboxTracing tracing, Clock clock) {
        this.table = table;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
        this.tracing = tracing;
        this.relayed = Counter.builder(table.relayed()).description(table.what() + " sent to Kafka").register(meters);
        gauges.register(table.pending(), table.what() + " written but not yet acknowledged by Kafka", null,
                this::pendingEvents);
        gauges.register(table.oldestAge(), "Age of the oldest of the " + table.what().toLowerCase(java.util.Locale.ROOT)
                + " not yet acknowledged", "seconds", this::oldestPendingAgeSeconds);
    }

    /**
     * Called in the relay's transaction with the topics of a batch before it is sent, e.g. to create topics that are
     * not known in advance. Nothing by default.
     */
    protected void beforeSending(Set<String> topics) {
    }

    /** Relays until the table is empty or another instance holds the relay; returns how many were sent. */
    public int relayPending() {
        int total = 0;
        int sent;
        do {
            sent = relayBatch();
            total += sent;
        } while (sent == properties.batchSize());
        return total;
    }

    private int relayBatch() {
        Integer sent = transactions.execute(status -> {
            Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:key)").param("key", table.lockKey())
                    .query(Boolean.class).single();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<PendingEvent> batch = jdbc.sql("select sequence_number, topic, message_key, payload, traceparent from "
                            + table.table() + " where published_at is null order by sequence_number limit :limit")
                    .param("limit", properties.batchSize())
                    .query((rs, n) -> new PendingEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)))
                    .list();
            if (batch.isEmpty()) {
                return 0;
            }
            Set<String> topics = new TreeSet<>();
            batch.forEach(event -> topics.add(event.topic()));
            beforeSending(topics);
            List<CompletableFuture<SendResult<String, byte[]>>> acks = new ArrayList<>(batch.size());
            for (PendingEvent event : batch) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.key(),
                        event.payload().getBytes(StandardCharsets.UTF_8));
                record.headers().add("content-type", EventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                acks.add(tracing.sendInTrace(record, event.traceparent(), () -> kafka.send(record)));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .orTimeout(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .join();
            jdbc.sql("update " + table.table() + " set published_at = now() where sequence_number = any(:ids)")
                    .param("ids", batch.stream().map(PendingEvent::sequenceNumber).toArray(Long[]::new))
                    .update();
            return batch.size();
        });
        int count = sent == null ? 0 : sent;
        relayed.increment(count);
        return count;
    }

    private void tick() {
        try {
            relayPending();
            // Published rows are deleted after their retention by the platform's RetentionJob, in batches.
        } catch (RuntimeException e) {
            // Broker or database unavailable: the rows stay pending and the next tick retries.
            log.warn("{} relay could not send pending rows, will retry: {}", table.table(), e.toString());
        }
    }

    private long pendingEvents() {
        return jdbc.sql("select count(*) from " + table.table() + " where published_at is null")
                .query(Long.class).single();
    }

    private double oldestPendingAgeSeconds() {
        return jdbc.sql("select coalesce(extract(epoch from now() - min(created_at)), 0) from " + table.table()
                        + " where published_at is null")
                .query(Double.class).single();
    }

    /** The table this relay drains; its commit notifications arrive on the channel of the same name. */
    public String table() {
        return table.table();
    }

    /** Asks the relay to look for rows now rather than at its next poll. Cheap, never blocks, callable from any thread. */
    public void wake() {
        if (wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    private void run() {
        while (worker == Thread.currentThread()) {
            tick();
            try {
                wakeups.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeups.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::run, table.table().replace('_', '-') + "-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = worker;
        worker = null;
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(properties.sendTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Graceful shutdown: flush what the last requests wrote before the producer closes.
        tick();
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    @Override
    public int getPhase() {
        // Stop after the web server (which drains in-flight requests) and before the Kafka producer goes.
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    private record PendingEvent(long sequenceNumber, String topic, String key, String payload, String traceparent) {
    }
}
