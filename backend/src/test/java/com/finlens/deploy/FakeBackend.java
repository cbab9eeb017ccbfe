package com.finlens.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for one backend replica behind nginx: echoes the forwarding headers, streams SSE events one at a
 * time when the test allows the next one, and sets the backend's own security headers so duplicates show.
 */
final class FakeBackend implements AutoCloseable {

    private final String id;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<String> eventsToSend = new LinkedBlockingQueue<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();

    private FakeBackend(String id) throws IOException {
        this.id = id;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::echo);
        server.createContext("/api/v1/conversations/", this::stream);
        server.createContext("/chat/stream/", this::stream);
        server.start();
    }

    static FakeBackend start(String id) {
        try {
            return new FakeBackend(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Paths of the requests this replica received. */
    List<String> paths() {
        return paths;
    }

    /** Lets the open stream send one more event; an event named "end" closes it. */
    void allowEvent(String data) {
        eventsToSend.add(data);
    }

    private void echo(HttpExchange exchange) throws IOException {
        paths.add(exchange.getRequestURI().getPath());
        exchange.getRequestBody().readAllBytes();
        String body = "{\"backend\":\"" + id + "\""
                + ",\"xff\":\"" + header(exchange, "X-Forwarded-For") + "\""
                + ",\"proto\":\"" + header(exchange, "X-Forwarded-Proto") + "\""
                + ",\"host\":\"" + header(exchange, "X-Forwarded-Host") + "\"}";
        exchange.getResponseHeaders().add("Strict-Transport-Security", "max-age=1");
        exchange.getResponseHeaders().add("X-Frame-Options", "SAMEORIGIN");
        exchange.getResponseHeaders().add("Content-Security-Policy", "default-src 'self'");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        paths.add(exchange.getRequestURI().getPath());
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().add("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            while (true) {
                String data = eventsToSend.poll(20, TimeUnit.SECONDS);
                if (data == null || data.equals("end")) {
                    return;
                }
                out.write(("event: token\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
