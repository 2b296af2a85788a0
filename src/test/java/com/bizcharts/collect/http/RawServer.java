package com.bizcharts.collect.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback server that writes raw bytes, for misbehaviour the JDK server cannot stage: a body dribbled one byte a
 * second under an honest Content-Length, an endless body. Each connection's request head is read, then the script
 * writes whatever it likes; the connection is closed when the script returns.
 */
public final class RawServer implements AutoCloseable {

    /** Writes the answer to one request; {@code n} counts requests from 1. */
    public interface Script {
        void answer(int n, String requestLine, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    public final List<String> requests = new CopyOnWriteArrayList<>();

    public RawServer(Script script) {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    open.add(s);
                    Thread.ofVirtual().start(() -> serve(s, script));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void serve(Socket s, Script script) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            String line = head(in);
            if (line == null) return;
            requests.add(line);
            script.answer(requests.size(), line, out);
            out.flush();
        } catch (IOException | InterruptedException gone) {
            // the client hung up: what these tests provoke
        }
    }

    /** The request line, after reading the whole head (up to the blank line). */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c, state = 0;
        while ((c = in.read()) != -1) {
            b.write(c);
            state = (c == '\r' && state % 2 == 0) ? state + 1 : (c == '\n' && state % 2 == 1) ? state + 1 : 0;
            if (state == 4) break;
        }
        String head = b.toString(StandardCharsets.ISO_8859_1);
        int end = head.indexOf("\r\n");
        return end < 0 ? null : head.substring(0, end);
    }

    /** Status line and headers for a 200 with the given Content-Length (negative: none, the body ends at close). */
    public static byte[] ok(long contentLength, String contentType) {
        return ("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\n"
                + (contentLength >= 0 ? "Content-Length: " + contentLength + "\r\n" : "")
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    public String base() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    @Override
    public void close() {
        try {
            socket.close();
            for (Socket s : open) s.close();
        } catch (IOException ignored) {
            // closing a test server
        }
    }
}
