package com.finlens.deploy;

import com.finlens.platform.http.OpenApiRoutes;
import com.finlens.testing.ReplayServer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Stands in for one backend replica behind nginx, on exactly the backend's routes: the operations of the served
 * OpenAPI document under {@code /api/v1}, the files under {@code /static/} and the few pages the tests use;
 * anything else is a 404, as on the real backend. It echoes the forwarding headers (a probe of what nginx passes,
 * not a response any client reads), replays the answer stream the real backend recorded ({@link #RECORDED_ANSWER},
 * written by AnswerStreamContractTest) one event at a time when the test allows the next one, and sets the
 * backend's own security headers so duplicates show. NginxLiveIT drives the real jar the same way.
 */
final class FakeBackend implements AutoCloseable {

    /** The pages and non-API routes of the real backend the nginx tests call (SignInRoutes, HealthRoutes, ...). */
    private static final Set<String> PAGES = Set.of("GET /", "GET /chat", "GET /sign-in", "POST /auth/dev",
            "GET /health/live", "GET /metrics");
    private static final String ANSWER_STREAM = "POST /conversations/{id}/messages";
    private static final List<Operation> API = documentedOperations();
    /** The real backend's answer to "삼성전자 주가 알려줘", as AnswerStreamContractTest recorded it. */
    static final String RECORDED_ANSWER = "web-templates/tests/transcripts/answer.sse";

    private final String id;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<Boolean> eventsAllowed = new LinkedBlockingQueue<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();

    private FakeBackend(String id) throws IOException {
        this.id = id;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::route);
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

    /** Lets the open stream send the next recorded event; after the last one it ends. */
    void allowNextEvent() {
        eventsAllowed.add(true);
    }

    /** The recorded answer stream, event by event in wire format (comments such as ": open" included). */
    static List<String> recordedAnswerEvents() {
        try {
            return List.of(Files.readString(RepoFiles.path(RECORDED_ANSWER)).split("(?<=\n\n)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the real backend has this route; answer streams are reported as {@link #ANSWER_STREAM}. */
    static String routeOf(String method, String path) {
        if (path.startsWith("/api/v1/")) {
            String apiPath = path.substring("/api/v1".length());
            return API.stream().filter(o -> o.method().equals(method) && o.pattern().matcher(apiPath).matches())
                    .map(Operation::name).findFirst().orElse(null);
        }
        if (path.startsWith("/static/") && method.equals("GET") && !path.contains("..")
                && Files.isRegularFile(RepoFiles.path("web-templates" + path))) {
            return "GET /static/*";
        }
        return PAGES.contains(method + " " + path) ? method + " " + path : null;
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        paths.add(path);
        exchange.getRequestBody().readAllBytes();
        String route = routeOf(exchange.getRequestMethod(), path);
        if (route == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        } else if (route.equals(ANSWER_STREAM)) {
            stream(exchange);
        } else {
            echo(exchange);
        }
    }

    private void echo(HttpExchange exchange) throws IOException {
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
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().add("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (String event : recordedAnswerEvents()) {
                if (eventsAllowed.poll(20, TimeUnit.SECONDS) == null) {
                    return;
                }
                out.write(event.getBytes(StandardCharsets.UTF_8));
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

    /** Every operation of the OpenAPI fragments the backend merges into /api/v1/openapi.json. */
    private static List<Operation> documentedOperations() {
        List<Operation> operations = new ArrayList<>();
        for (String area : OpenApiRoutes.AREAS) {
            JsonObject paths = new JsonObject(ReplayServer.resource("openapi/" + area + ".json"))
                    .getJsonObject("paths", new JsonObject());
            for (String template : paths.fieldNames()) {
                Pattern pattern = Pattern.compile(template.replaceAll("\\{[^/]+}", "[^/]+"));
                for (String method : paths.getJsonObject(template).fieldNames()) {
                    if (!method.equals("parameters")) {
                        operations.add(new Operation(method.toUpperCase(Locale.ROOT), pattern,
                                method.toUpperCase(Locale.ROOT) + " " + template));
                    }
                }
            }
        }
        return List.copyOf(operations);
    }

    private record Operation(String method, Pattern pattern, String name) {
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
