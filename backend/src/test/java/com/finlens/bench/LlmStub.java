package com.finlens.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local OpenAI-compatible chat-completions server that streams a fixed number of tokens at a fixed rate. It
 * notes when it wrote the first token of each request, keyed by the marker "bench-N" found in the prompt, so the
 * client can measure the latency Finlens adds: its first token at the client minus the stub's first token (both
 * on this JVM's clock).
 */
public final class LlmStub implements AutoCloseable {

    private static final Pattern MARKER = Pattern.compile("bench-\\d+");

    private final Vertx vertx;
    private final int tokens;
    private final long tokenIntervalMillis;
    private final Map<String, Long> firstTokenNanos = new ConcurrentHashMap<>();
    private HttpServer server;

    public LlmStub(Vertx vertx, int tokens, long tokenIntervalMillis) {
        this.vertx = vertx;
        this.tokens = tokens;
        this.tokenIntervalMillis = tokenIntervalMillis;
    }

    public Future<Integer> start() {
        return vertx.createHttpServer().requestHandler(req -> {
            if (!req.path().endsWith("/chat/completions")) {
                req.response().setStatusCode(404).end();
                return;
            }
            req.body().onSuccess(body -> {
                Matcher m = MARKER.matcher(body.toString());
                stream(req.response(), m.find() ? m.group() : null);
            });
        }).listen(0, "127.0.0.1").map(s -> {
            server = s;
            return s.actualPort();
        });
    }

    /** When the stub wrote the first token for this marker (System.nanoTime), or null. */
    public Long firstTokenNanos(String marker) {
        return firstTokenNanos.get(marker);
    }

    private void stream(HttpServerResponse response, String marker) {
        response.setChunked(true).putHeader("Content-Type", "text/event-stream");
        int[] sent = {0};
        vertx.setPeriodic(1, tokenIntervalMillis, id -> {
            if (response.closed()) {
                vertx.cancelTimer(id);
                return;
            }
            if (sent[0] == tokens) {
                vertx.cancelTimer(id);
                response.write("data: " + new JsonObject().put("choices", new io.vertx.core.json.JsonArray()
                        .add(new JsonObject().put("index", 0).put("delta", new JsonObject())
                                .put("finish_reason", "stop"))).encode() + "\n\n");
                response.end("data: [DONE]\n\n");
                return;
            }
            if (sent[0] == 0 && marker != null) {
                firstTokenNanos.put(marker, System.nanoTime());
            }
            sent[0]++;
            response.write("data: " + new JsonObject().put("choices", new io.vertx.core.json.JsonArray()
                    .add(new JsonObject().put("index", 0).put("delta", new JsonObject()
                            .put("content", sent[0] == 1 ? "삼성전자 " : "token" + sent[0] + " ")))).encode() + "\n\n");
        });
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
