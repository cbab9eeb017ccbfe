package com.finlens.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Asks {@code concurrency} questions at once, each in a conversation of its own, reading the answer stream as a
 * client does: first token, then {@code done}. Afterwards every answer is read back to check it was stored complete.
 */
final class StreamLoad {

    /** Latencies in ms: first token (minus the stub's own first token when a stub is given) and the whole answer. */
    record Result(List<Double> firstTokenMillis, List<Double> answerMillis, int stored, int failed, double wallSeconds) {
    }

    private static final long REQUEST_TIMEOUT_MILLIS = 20_000;

    private final Vertx vertx;
    private final String host;
    private final int port;
    private final int readBackPort;
    private final Session session;
    private final java.net.http.HttpClient setUp = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();

    record Session(String cookie, String csrfToken) {
    }

    StreamLoad(Vertx vertx, String host, int port, Session session) {
        this(vertx, host, port, port, session);
    }

    /** Asks through {@code port} (a proxy, say) and checks what was stored on {@code readBackPort} (the server). */
    StreamLoad(Vertx vertx, String host, int port, int readBackPort, Session session) {
        this.vertx = vertx;
        this.host = host;
        this.port = port;
        this.readBackPort = readBackPort;
        this.session = session;
    }

    Result run(int concurrency, String question, Function<String, Long> stubFirstToken) throws Exception {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(host).setDefaultPort(port)
                .setMaxPoolSize(concurrency + 8).setKeepAlive(true));
        try {
            List<Long> conversations = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                conversations.add(new JsonObject(sendOrRetry(port, "POST", "/api/v1/conversations", "{}"))
                        .getLong("id"));
            }
            List<Future<double[]>> answers = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < concurrency; i++) {
                String marker = "bench-" + i;
                answers.add(ask(client, conversations.get(i), question + " (" + marker + ")", marker, stubFirstToken));
            }
            Future.join(answers).toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
            double wall = (System.nanoTime() - started) / 1e9;
            List<Double> first = new ArrayList<>();
            List<Double> whole = new ArrayList<>();
            int failed = 0;
            for (Future<double[]> f : answers) {
                if (f.succeeded()) {
                    first.add(f.result()[0]);
                    whole.add(f.result()[1]);
                } else {
                    failed++;
                }
            }
            int stored = 0;
            // Straight to the server: a proxy may keep a finished stream's connection busy a while, and what was
            // stored does not depend on the way the answer went.
            for (long id : conversations) {
                if (sendOrRetry(readBackPort, "GET", "/api/v1/conversations/" + id + "/messages", null)
                        .contains("\"status\":\"complete\"")) {
                    stored++;
                }
            }
            return new Result(first, whole, stored, failed, wall);
        } finally {
            client.close();
        }
    }

    /**
     * One request of the set-up or the read-back, one at a time on the JDK's client. (On a Vert.x client, one such
     * request in a few thousand never completed although the server had answered it: its access-log line, its bytes
     * acknowledged on the socket; 20 s lost each time, a third of a warm-up.) A request without an answer in
     * {@link #REQUEST_TIMEOUT_MILLIS} is said on stderr and sent once more; a retried creation can leave one unused
     * conversation behind, which changes no figure.
     */
    private String sendOrRetry(int toPort, String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + toPort + path))
                .timeout(Duration.ofMillis(REQUEST_TIMEOUT_MILLIS))
                .header("Cookie", session.cookie())
                .header("X-CSRF-Token", session.csrfToken())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = setUp.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            System.err.println(method + " " + path + " got no answer in " + REQUEST_TIMEOUT_MILLIS + " ms; once more");
            response = setUp.send(request, HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private Future<double[]> ask(HttpClient client, long conversation, String content, String marker,
                                 Function<String, Long> stubFirstToken) {
        Promise<double[]> done = Promise.promise();
        long sent = System.nanoTime();
        client.request(options(HttpMethod.POST, "/api/v1/conversations/" + conversation + "/messages")
                        .putHeader("Accept", "text/event-stream"))
                .compose(req -> req.send(new JsonObject().put("content", content).toBuffer()))
                .onFailure(done::tryFail)
                .onSuccess(resp -> {
                    if (resp.statusCode() != 200) {
                        resp.body().onComplete(b -> done.tryFail("HTTP " + resp.statusCode()));
                        return;
                    }
                    long[] firstToken = {0};
                    StringBuilder pending = new StringBuilder();
                    resp.handler(chunk -> {
                        pending.append(chunk.toString());
                        int end;
                        while ((end = pending.indexOf("\n\n")) >= 0) {
                            String event = pending.substring(0, end);
                            pending.delete(0, end + 2);
                            if (event.contains("event: token") && firstToken[0] == 0) {
                                firstToken[0] = System.nanoTime();
                            } else if (event.contains("event: done")) {
                                long now = System.nanoTime();
                                Long stubFirst = stubFirstToken == null ? null : stubFirstToken.apply(marker);
                                long base = stubFirst != null ? stubFirst : sent;
                                long first = firstToken[0] == 0 ? now : firstToken[0];
                                if (!event.contains("\"status\":\"complete\"")) {
                                    done.tryFail("answer ended " + event);
                                } else {
                                    done.tryComplete(new double[] {(first - base) / 1e6, (now - sent) / 1e6});
                                }
                            }
                        }
                    });
                    resp.exceptionHandler(done::tryFail);
                    resp.endHandler(v -> done.tryFail("stream ended without done"));
                });
        return done.future();
    }

    private RequestOptions options(HttpMethod method, String path) {
        return new RequestOptions().setMethod(method).setURI(path)
                .putHeader("Cookie", session.cookie())
                .putHeader("X-CSRF-Token", session.csrfToken())
                .putHeader("Content-Type", "application/json");
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
    }

}
