package com.aftersales.platform.outbox;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Wakes the relays of this instance when any instance of the service commits rows into a relayed table: one
 * connection LISTENs on a channel per table (the {@code relay_notify} trigger NOTIFYs it), one thread hands each
 * notification to the relays of that table. After a reconnect every relay is woken once, since notifications sent
 * while the listener was away are gone; the relays' own polling remains the safety net.
 */
public class RelayNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RelayNotifications.class);

    private final DataSource dataSource;
    private final Duration listenTimeout;
    private final Duration reconnectDelay;
    private final Map<String, List<Runnable>> wakeups = new ConcurrentHashMap<>();
    private volatile Thread listener;

    /**
     * @param listenTimeout  how long one wait for notifications blocks (bounds how quickly {@link #stop()} returns)
     * @param reconnectDelay pause before listening again after the connection failed
     */
    public RelayNotifications(DataSource dataSource, Duration listenTimeout, Duration reconnectDelay) {
        this.dataSource = dataSource;
        this.listenTimeout = listenTimeout;
        this.reconnectDelay = reconnectDelay;
    }

    /** Runs {@code wake} whenever rows committed into {@code table} are announced. Call before {@link #start()}. */
    public void onInsert(String table, Runnable wake) {
        wakeups.computeIfAbsent(table, t -> new CopyOnWriteArrayList<>()).add(wake);
    }

    private void listen() {
        while (listener == Thread.currentThread()) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement statement = c.createStatement()) {
                    for (String table : wakeups.keySet()) {
                        // A constant of the platform, never input: quoted as an identifier all the same.
                        statement.execute("LISTEN \"" + table.replace("\"", "\"\"") + "\"");
                    }
                }
                wakeAll();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (listener == Thread.currentThread()) {
                    PGNotification[] notifications = pg.getNotifications((int) listenTimeout.toMillis());
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            wakeups.getOrDefault(notification.getName(), List.of()).forEach(Runnable::run);
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (listener != Thread.currentThread()) {
                    return;
                }
                log.warn("Relay notifications interrupted, listening again in {}: {}", reconnectDelay, e.toString());
                try {
                    Thread.sleep(reconnectDelay.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void wakeAll() {
        wakeups.values().forEach(list -> list.forEach(Runnable::run));
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::listen, "relay-notifications");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = listener;
        listener = null;
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(listenTimeout.plusSeconds(1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }

    @Override
    public int getPhase() {
        // With the relays it wakes.
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
