package com.aftersales.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend that accepts TCP connections, reads the request head and hangs up without
 * answering: the situation where a retry could repeat work the backend already started.
 */
final class DroppingBackend implements AutoCloseable {

    private final ServerSocket socket;

    private final AtomicInteger connections = new AtomicInteger();

    private final Thread acceptor;

    DroppingBackend() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "dropping-backend");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    int connections() {
        return connections.get();
    }

    void reset() {
        connections.set(0);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                connections.incrementAndGet();
                InputStream in = client.getInputStream();
                byte[] buffer = new byte[1024];
                // Read at least the request line so the gateway has sent the request.
                in.read(buffer);
            }
            catch (IOException closedOrReset) {
                // The socket was closed by close() or the peer; the loop condition decides.
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

}
