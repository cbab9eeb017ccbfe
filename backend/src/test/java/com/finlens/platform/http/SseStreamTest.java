package com.finlens.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The events a stream is given reach the client whole and in order, however they were grouped into writes. */
class SseStreamTest {

    private static final long NO_HEARTBEAT = 60_000;
    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("Events sent together, later, from another thread and just before the end all arrive, in order")
    void everyEventArrivesInOrder() throws Exception {
        String body = serve(stream -> {
            stream.send("step", new JsonObject().put("n", 1));
            stream.send("token", new JsonObject().put("text", "삼성전자의 "));
            stream.send("token", new JsonObject().put("text", "주가는 "));
            vertx.setTimer(5, t -> {
                stream.send("token", new JsonObject().put("text", "7만 원"));
                vertx.executeBlocking(() -> {
                    stream.send("sources", new JsonObject().put("from", "worker"));
                    return null;
                }).onComplete(done -> {
                    stream.send("done", new JsonObject());
                    stream.end();
                });
            });
        });

        assertThat(body).isEqualTo(": open\n\n"
                + "id: 1\nevent: step\ndata: {\"n\":1}\n\n"
                + "id: 2\nevent: token\ndata: {\"text\":\"삼성전자의 \"}\n\n"
                + "id: 3\nevent: token\ndata: {\"text\":\"주가는 \"}\n\n"
                + "id: 4\nevent: token\ndata: {\"text\":\"7만 원\"}\n\n"
                + "id: 5\nevent: sources\ndata: {\"from\":\"worker\"}\n\n"
                + "id: 6\nevent: done\ndata: {}\n\n");
    }

    @Test
    @DisplayName("An event another thread sent before one sent on the event loop arrives first, even when the stream"
            + " ends in the same turn")
    void anotherThreadsEarlierEventComesFirst() throws Exception {
        String body = serve(stream -> {
            // The other thread has finished sending when the event loop sends: as when a worker's future completes.
            Thread worker = new Thread(() -> stream.send("sources", new JsonObject().put("from", "worker")));
            worker.start();
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stream.send("done", new JsonObject());
            stream.end();
        });

        assertThat(body).isEqualTo(": open\n\n"
                + "id: 1\nevent: sources\ndata: {\"from\":\"worker\"}\n\n"
                + "id: 2\nevent: done\ndata: {}\n\n");
    }

    @Test
    @DisplayName("Events sent in the same turn as the end are written before the stream ends")
    void endWritesWhatIsPending() throws Exception {
        String body = serve(stream -> {
            stream.send("token", new JsonObject().put("text", "a"));
            stream.send("token", new JsonObject().put("text", "b"));
            stream.send("done", new JsonObject());
            stream.end();
        });

        assertThat(body).isEqualTo(": open\n\n"
                + "id: 1\nevent: token\ndata: {\"text\":\"a\"}\n\n"
                + "id: 2\nevent: token\ndata: {\"text\":\"b\"}\n\n"
                + "id: 3\nevent: done\ndata: {}\n\n");
    }

    /** The whole body a client reads from a server whose one route opens a stream and hands it to {@code events}. */
    private String serve(Consumer<SseStream> events) throws Exception {
        HttpServer server = vertx.createHttpServer()
                .requestHandler(req -> events.accept(SseStream.open(vertx, req.response(), NO_HEARTBEAT)))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        HttpClient client = vertx.createHttpClient();
        Future<Buffer> body = client.request(HttpMethod.GET, server.actualPort(), "127.0.0.1", "/")
                .compose(req -> req.send().compose(HttpClientResponse::body));
        return body.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).toString();
    }
}
