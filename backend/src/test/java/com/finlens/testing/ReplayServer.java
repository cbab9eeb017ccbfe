package com.finlens.testing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A local HTTP server on 127.0.0.1 and a random port that replays recorded responses (from
 * {@code src/test/resources/fixtures/...}) and records every request it gets. Stands in for KRX, DART, Yahoo,
 * OpenAI, RunPod and Weaviate in tests. Rules are matched in the order they were added; the first match answers.
 *
 * <pre>
 * ReplayServer server = ReplayServer.start(vertx);
 * server.on("GET", "/v8/finance/chart/AAPL").reply(200, "application/json", Fixtures.text("yahoo/chart-AAPL.json"));
 * server.on("POST", "/chat/completions").stream("text/event-stream", chunks, Duration.ofMillis(20));
 * String base = server.baseUrl();
 * ...
 * server.close();
 * </pre>
 */
public final class ReplayServer implements AutoCloseable {

    /** A request as the server saw it. */
    public record Received(String method, String path, MultiMap query, MultiMap headers, String body) {
    }

    /** What to answer; built by {@link Rule}. */
    public interface Responder {
        void respond(HttpServerRequest request, String body, HttpServerResponse response);
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private ReplayServer(Vertx vertx) {
        this.vertx = vertx;
        this.server = vertx.createHttpServer();
    }

    public static ReplayServer start(Vertx vertx) {
        ReplayServer replay = new ReplayServer(vertx);
        replay.server.requestHandler(replay::handle);
        try {
            replay.server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("replay server did not start", e);
        }
        return replay;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    public int port() {
        return server.actualPort();
    }

    /** A rule for an exact method and path (query ignored unless {@link Rule#whenQuery} narrows it). */
    public Rule on(String method, String path) {
        Rule rule = new Rule(method, r -> r.path().equals(path));
        rules.add(rule);
        return rule;
    }

    /** A rule for a method and any path starting with a prefix. */
    public Rule onPrefix(String method, String prefix) {
        Rule rule = new Rule(method, r -> r.path().startsWith(prefix));
        rules.add(rule);
        return rule;
    }

    public void reset() {
        rules.clear();
        received.clear();
    }

    public List<Received> received() {
        return Collections.unmodifiableList(new ArrayList<>(received));
    }

    public long count(String method, String path) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
    }

    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("replay server did not stop", e);
        }
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(buffer -> {
            String body = buffer.toString(StandardCharsets.UTF_8);
            received.add(new Received(request.method().name(), request.path(), MultiMap.caseInsensitiveMultiMap()
                    .addAll(request.params()), MultiMap.caseInsensitiveMultiMap().addAll(request.headers()), body));
            for (Rule rule : rules) {
                if (rule.matches(request)) {
                    rule.answer(request, body);
                    return;
                }
            }
            request.response().setStatusCode(599).end("no replay rule for " + request.method() + " " + request.uri());
        });
    }

    /** Reads a test resource (e.g. "fixtures/yahoo/chart.json") as UTF-8 text. */
    public static String resource(String path) {
        return new String(resourceBytes(path), StandardCharsets.UTF_8);
    }

    public static byte[] resourceBytes(String path) {
        try (InputStream in = ReplayServer.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One matching rule and its answers; answers are used in order and the last one repeats. */
    public final class Rule {
        private final HttpMethod method;
        private final Predicate<HttpServerRequest> pathMatch;
        private Predicate<HttpServerRequest> extra = r -> true;
        private final List<Responder> answers = new CopyOnWriteArrayList<>();
        private int used;

        private Rule(String method, Predicate<HttpServerRequest> pathMatch) {
            this.method = HttpMethod.valueOf(method);
            this.pathMatch = pathMatch;
        }

        /** Narrows the rule to requests whose query parameter has a value. */
        public Rule whenQuery(String name, String value) {
            Predicate<HttpServerRequest> before = extra;
            extra = r -> before.test(r) && value.equals(r.getParam(name));
            return this;
        }

        /** Narrows the rule to requests with a header value. */
        public Rule whenHeader(String name, String value) {
            Predicate<HttpServerRequest> before = extra;
            extra = r -> before.test(r) && value.equals(r.getHeader(name));
            return this;
        }

        public Rule reply(int status, String contentType, String body) {
            return reply(status, Map.of("Content-Type", contentType), Buffer.buffer(body, "UTF-8"));
        }

        public Rule reply(int status, Map<String, String> headers, Buffer body) {
            answers.add((req, reqBody, res) -> {
                res.setStatusCode(status);
                headers.forEach(res::putHeader);
                res.end(body);
            });
            return this;
        }

        /** Answers computed from the request (method, path, query, body). */
        public Rule replyWith(Function<Received, String> body, int status, String contentType) {
            answers.add((req, reqBody, res) -> res.setStatusCode(status).putHeader("Content-Type", contentType)
                    .end(body.apply(new Received(req.method().name(), req.path(), req.params(), req.headers(), reqBody))));
            return this;
        }

        /** Writes each chunk as it is, flushed, with a pause before each; for SSE transcripts. */
        public Rule stream(String contentType, List<String> chunks, Duration gap) {
            answers.add((req, reqBody, res) -> {
                res.setStatusCode(200).putHeader("Content-Type", contentType).setChunked(true);
                writeChunks(res, chunks, 0, gap);
            });
            return this;
        }

        /** Waits before answering with the next rule answer: for timeouts and slow starts. */
        public Rule delayed(Duration delay, int status, String contentType, String body) {
            answers.add((req, reqBody, res) -> vertx.setTimer(Math.max(1, delay.toMillis()), t -> {
                if (!res.closed()) {
                    res.setStatusCode(status).putHeader("Content-Type", contentType).end(body);
                }
            }));
            return this;
        }

        /** Accepts the request and never answers (until the client gives up). */
        public Rule hang() {
            answers.add((req, reqBody, res) -> {
            });
            return this;
        }

        public Rule custom(Responder responder) {
            answers.add(responder);
            return this;
        }

        private boolean matches(HttpServerRequest request) {
            return request.method().equals(method) && pathMatch.test(request) && extra.test(request);
        }

        private synchronized void answer(HttpServerRequest request, String body) {
            if (answers.isEmpty()) {
                request.response().setStatusCode(598).end("rule has no answer");
                return;
            }
            Responder responder = answers.get(Math.min(used, answers.size() - 1));
            used++;
            responder.respond(request, body, request.response());
        }
    }

    private void writeChunks(HttpServerResponse res, List<String> chunks, int index, Duration gap) {
        if (res.closed()) {
            return;
        }
        if (index >= chunks.size()) {
            res.end();
            return;
        }
        vertx.setTimer(Math.max(1, gap.toMillis()), t -> {
            if (res.closed()) {
                return;
            }
            res.write(chunks.get(index));
            writeChunks(res, chunks, index + 1, gap);
        });
    }

    /** Convenience for async tests. */
    public static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
