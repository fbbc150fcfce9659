package com.aftersales.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on the loopback interface for fault injection: it can slow the answers of the server behind it (each
 * chunk the server sends waits {@link #latency(Duration)} before it is passed on, so every round trip of a protocol
 * gains it), cut it off as a network partition would ({@link #partition()}: nothing passes either way, nothing is
 * refused, until {@link #heal()}), and balance connections over several servers as a layer-4 load balancer does
 * ({@link #balance}: round robin, a server that refuses the connection is skipped). With no fault it only forwards.
 */
public final class TcpProxy implements AutoCloseable {

    private static final int BUFFER = 16 * 1024;

    /** How often a held connection looks whether the partition has healed. */
    private static final Duration PARTITION_CHECK = Duration.ofMillis(20);

    private final ServerSocket server;
    private final List<Integer> targetPorts;
    private final AtomicInteger next = new AtomicInteger();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile long latencyNanos;
    private volatile boolean partitioned;
    private volatile boolean closed;

    private TcpProxy(ServerSocket server, List<Integer> targetPorts) {
        this.server = server;
        this.targetPorts = List.copyOf(targetPorts);
    }

    /** Listens on {@code port} and forwards every connection to {@code targetPort}, both on 127.0.0.1. */
    public static TcpProxy start(int port, int targetPort) {
        return balance(port, List.of(targetPort));
    }

    /**
     * Listens on {@code port} and hands each connection to the next of {@code targetPorts} in turn; a target that
     * refuses the connection (its process is gone) is skipped, and the client's connection is closed only when all
     * refuse. A connection already handed to a target that dies breaks, as behind any layer-4 balancer.
     */
    public static TcpProxy balance(int port, List<Integer> targetPorts) {
        if (targetPorts.isEmpty()) {
            throw new IllegalArgumentException("A proxy needs at least one target");
        }
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            TcpProxy proxy = new TcpProxy(server, targetPorts);
            Thread accept = new Thread(proxy::accept, "tcp-proxy-" + port);
            accept.setDaemon(true);
            accept.start();
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("Could not listen on port " + port + " for a proxy to " + targetPorts, e);
        }
    }

    /**
     * From now on nothing passes in either direction and new connections are accepted but not passed on, as when the
     * network between client and server is cut: no reset, no refusal, the clients' own timeouts decide. What was held
     * passes on after {@link #heal()} unless a side gave up and closed its connection meanwhile.
     */
    public void partition() {
        partitioned = true;
    }

    /** Ends a {@link #partition()}. */
    public void heal() {
        partitioned = false;
    }

    public boolean isPartitioned() {
        return partitioned;
    }

    /** From now on every chunk the server sends waits this long; zero forwards at once. */
    public void latency(Duration latency) {
        this.latencyNanos = latency.toNanos();
    }

    public Duration latency() {
        return Duration.ofNanos(latencyNanos);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Thread connect = new Thread(() -> connect(client), "tcp-proxy-connect");
                connect.setDaemon(true);
                connect.start();
            } catch (IOException e) {
                if (!closed) {
                    sleepQuietly(Duration.ofMillis(50));
                }
            }
        }
    }

    private void connect(Socket client) {
        awaitHealed();
        Socket upstream = null;
        int first = Math.floorMod(next.getAndIncrement(), targetPorts.size());
        for (int i = 0; i < targetPorts.size() && upstream == null && !closed; i++) {
            try {
                upstream = new Socket(InetAddress.getLoopbackAddress(), targetPorts.get((first + i) % targetPorts.size()));
            } catch (IOException targetDown) {
                // the next target, if there is one
            }
        }
        if (upstream == null) {
            // As if the server refused: the client sees its connection closed.
            closeQuietly(client);
            sockets.remove(client);
            return;
        }
        try {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            sockets.remove(client);
            return;
        }
        sockets.add(upstream);
        pump(client, upstream, false);
        pump(upstream, client, true);
    }

    private void awaitHealed() {
        while (partitioned && !closed) {
            sleepQuietly(PARTITION_CHECK);
        }
    }

    private void pump(Socket from, Socket to, boolean answers) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[BUFFER];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    awaitHealed();
                    long delay = latencyNanos;
                    if (answers && delay > 0) {
                        sleepQuietly(Duration.ofNanos(delay));
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException connectionEnded) {
                // one side closed: close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops listening and drops every connection. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing what is gone anyway
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
