package com.finlens.platform.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * One server-sent-events response: framing, a heartbeat comment so proxies keep the connection open, and
 * {@code X-Accel-Buffering: no} so nginx forwards each event at once.
 */
public final class SseStream {

    private final Vertx vertx;
    private final HttpServerResponse response;
    private final long heartbeatTimer;
    private long nextId = 1;
    private boolean closed;
    private Runnable onClose = () -> { };

    private SseStream(Vertx vertx, HttpServerResponse response, long heartbeatMillis) {
        this.vertx = vertx;
        this.response = response;
        this.heartbeatTimer = vertx.setPeriodic(heartbeatMillis, t -> comment("ping"));
        response.closeHandler(v -> {
            boolean wasOpen = !closed;
            stop();
            if (wasOpen) {
                onClose.run();
            }
        });
    }

    /** Runs when the client goes away before the stream ended (not after {@link #end()}). */
    public void onClose(Runnable action) {
        Runnable before = onClose;
        onClose = () -> {
            before.run();
            action.run();
        };
    }

    public static SseStream open(Vertx vertx, HttpServerResponse response, long heartbeatMillis) {
        response.setStatusCode(200)
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache, no-store")
                .putHeader("X-Accel-Buffering", "no")
                // Never gzip a stream: a compressor may hold events back until it has a full block.
                .putHeader("Content-Encoding", "identity");
        SseStream stream = new SseStream(vertx, response, heartbeatMillis);
        // Send the headers now so the client sees the stream open before the first event.
        response.write(": open\n\n");
        return stream;
    }

    public void send(String event, JsonObject data) {
        if (isClosed()) {
            return;
        }
        response.write("id: " + nextId++ + "\nevent: " + event + "\ndata: " + data.encode() + "\n\n");
    }

    public void comment(String text) {
        if (!isClosed()) {
            response.write(": " + text + "\n\n");
        }
    }

    public boolean isClosed() {
        return closed || response.closed() || response.ended();
    }

    public void end() {
        stop();
        if (!response.ended() && !response.closed()) {
            response.end();
        }
    }

    private void stop() {
        if (!closed) {
            closed = true;
            vertx.cancelTimer(heartbeatTimer);
        }
    }
}
