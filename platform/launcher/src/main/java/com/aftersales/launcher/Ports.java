package com.aftersales.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** Port checks: fail with a clear message instead of a bind error deep in a child's log. */
final class Ports {

    private static final int CONNECT_TIMEOUT_MILLIS = 200;

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

    /**
     * {@code count} distinct free ports. The sockets stay open until all are chosen so the ports differ; another
     * process may still take one before it is used, which tests accept.
     */
    static List<Integer> free(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports.add(socket.getLocalPort());
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
