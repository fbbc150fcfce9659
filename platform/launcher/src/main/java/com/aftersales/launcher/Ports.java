package com.aftersales.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Port checks: fail with a clear message instead of a bind error deep in a child's log. */
final class Ports {

    private static final int CONNECT_TIMEOUT_MILLIS = 200;
    private static final int MAX_PORT = 65_535;

    private Ports() {
    }

    /** True when something on this machine accepts connections on 127.0.0.1:port. */
    static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void requireFree(int port, String what) {
        if (inUse(port)) {
            throw new IllegalStateException("Port " + port + " for " + what + " is already in use. Is another platform "
                    + "(./aftersales run, docker compose) running? Stop it or choose other ports.");
        }
    }

    /** Ports this JVM has handed out already: a later call never returns one of them (or its management port). */
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    /** Bound on attempts per requested port before giving up (a machine with almost no free ports left). */
    private static final int ATTEMPTS_PER_PORT = 100;

    /**
     * {@code count} distinct free ports whose management port ({@link PlatformService#managementPort}) is free as
     * well: a backend listens on both, and an API port from the ephemeral range plus the offset is as likely to be
     * taken as any other. All sockets stay open until every port is chosen, and no port (or its management port) is
     * handed out twice in this JVM, so the ports of one platform, of its extra instances and of later platforms
     * differ. Another process may still take one before it is used, which tests accept.
     */
    static synchronized List<Integer> free(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int attempt = 0; ports.size() < count; attempt++) {
                if (attempt >= count * ATTEMPTS_PER_PORT) {
                    throw new IllegalStateException("Could not find " + count + " free ports with free management ports");
                }
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                int port = socket.getLocalPort();
                int management = PlatformService.managementPort(port);
                if (management > MAX_PORT || HANDED_OUT.contains(port) || HANDED_OUT.contains(management)) {
                    continue;
                }
                try {
                    sockets.add(new ServerSocket(management, 1, InetAddress.getLoopbackAddress()));
                } catch (IOException busy) {
                    continue;
                }
                ports.add(port);
                HANDED_OUT.add(port);
                HANDED_OUT.add(management);
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find free ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket we own cannot lose data
                }
            }
        }
    }
}
