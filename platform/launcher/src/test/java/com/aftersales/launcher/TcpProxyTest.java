package com.aftersales.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fault-injection proxy on real sockets: balancing with a dead target, a partition that holds and heals. */
class TcpProxyTest {

    private static final int TIMEOUT_MILLIS = 5_000;
    private static final int HELD_MILLIS = 300;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    @Test
    void balancesInTurnAndSkipsATargetThatRefuses() throws Exception {
        NamedEchoServer first = server("first");
        NamedEchoServer second = server("second");
        int dead = Ports.free(1).get(0);
        TcpProxy proxy = proxy(TcpProxy.balance(Ports.free(1).get(0), List.of(first.port(), dead, second.port())));

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(call(proxy.port(), "ping"));
        }

        // every connection was answered, by both live servers, none by the dead one
        assertThat(answers).hasSize(6).allMatch(a -> a.equals("first:ping") || a.equals("second:ping"));
        assertThat(answers).contains("first:ping", "second:ping");
    }

    @Test
    void aPartitionHoldsTrafficWithoutRefusingAndPassesItOnWhenHealed() throws Exception {
        NamedEchoServer target = server("db");
        TcpProxy proxy = proxy(TcpProxy.start(Ports.free(1).get(0), target.port()));

        proxy.partition();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            // connected (nothing refused), but the answer does not come while the network is cut
            send(socket, "during");
            socket.setSoTimeout(HELD_MILLIS);
            assertThatThrownBy(() -> readLine(socket)).isInstanceOf(SocketTimeoutException.class);

            proxy.heal();
            socket.setSoTimeout(TIMEOUT_MILLIS);
            assertThat(readLine(socket)).isEqualTo("db:during");
        }
        assertThat(call(proxy.port(), "after")).isEqualTo("db:after");
    }

    @Test
    void refusesWhenNoTargetAccepts() throws Exception {
        TcpProxy proxy = proxy(TcpProxy.start(Ports.free(1).get(0), Ports.free(1).get(0)));

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            send(socket, "anyone");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    private TcpProxy proxy(TcpProxy proxy) {
        open.add(proxy);
        return proxy;
    }

    private NamedEchoServer server(String name) throws IOException {
        NamedEchoServer server = new NamedEchoServer(name);
        open.add(server);
        return server;
    }

    private static String call(int port, String message) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            send(socket, message);
            return readLine(socket);
        }
    }

    private static void send(Socket socket, String message) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((message + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String readLine(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            line.append((char) c);
        }
        return line.toString();
    }

    /** Answers each line with its own name in front, one connection at a time is enough here. */
    private static final class NamedEchoServer implements AutoCloseable {
        private final ServerSocket socket;

        NamedEchoServer(String name) throws IOException {
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept()) {
                        String line = readLine(client);
                        send(client, name + ":" + line);
                    } catch (IOException closed) {
                        // the server is closed, or the client went away
                    }
                }
            }, "echo-" + name);
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
