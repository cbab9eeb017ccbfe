package com.finlens.platform.http;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One server-sent-events response: framing, a heartbeat comment so proxies keep the connection open, and
 * {@code X-Accel-Buffering: no} so nginx forwards each event at once. Events sent together go out in one write: the
 * first of a burst is written at once (no added latency), the ones that follow it before the event loop comes back
 * to this stream are joined and written together, because each write is a flush and a system call, and an answer's
 * steps and words come in bursts. The events themselves are unchanged.
 */
public final class SseStream {

    private final Vertx vertx;
    private final Context context;
    private final Thread eventLoop;
    private final HttpServerResponse response;
    private final long heartbeatTimer;
    private final StringBuilder pending = new StringBuilder();
    /**
     * Frames sent from other threads, in the order they were sent. Queued at once rather than each handed over as a
     * task: a worker's event must not be overtaken by one the event loop sends after the worker's future completed
     * (a completed future runs its callback before queued tasks).
     */
    private final Queue<String> fromOtherThreads = new ConcurrentLinkedQueue<>();
    private boolean burst;
    private long nextId = 1;
    private boolean closed;
    private Runnable onClose = () -> { };

    private SseStream(Vertx vertx, HttpServerResponse response, long heartbeatMillis) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.eventLoop = Thread.currentThread();
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
        write("id: " + nextId++ + "\nevent: " + event + "\ndata: " + data.encode() + "\n\n");
    }

    public void comment(String text) {
        if (!isClosed()) {
            write(": " + text + "\n\n");
        }
    }

    /** Called on the request's event loop; an event sent from another thread is handed to it, keeping its order. */
    private void write(String frame) {
        if (Thread.currentThread() != eventLoop) {
            fromOtherThreads.add(frame);
            context.runOnContext(v -> takeFromOtherThreads());
            return;
        }
        takeFromOtherThreads();
        writeHere(frame);
    }

    private void takeFromOtherThreads() {
        String frame;
        while ((frame = fromOtherThreads.poll()) != null) {
            if (!response.ended() && !response.closed()) {
                writeHere(frame);
            }
        }
    }

    private void writeHere(String frame) {
        if (burst) {
            pending.append(frame);
            return;
        }
        response.write(frame);
        burst = true;
        context.runOnContext(v -> writePending());
    }

    private void writePending() {
        burst = false;
        if (!pending.isEmpty()) {
            if (!isClosed()) {
                response.write(pending.toString());
            }
            empty();
        }
    }

    public boolean isClosed() {
        return closed || response.closed() || response.ended();
    }

    public void end() {
        if (Thread.currentThread() != eventLoop) {
            context.runOnContext(v -> end());
            return;
        }
        takeFromOtherThreads();
        stop();
        if (!response.ended() && !response.closed()) {
            if (pending.isEmpty()) {
                response.end();
            } else {
                response.end(pending.toString());
            }
        }
        empty();
    }

    /** Without the capacity a burst grew it to: 500 streams in flight held 1.3 MiB of empty builders. */
    private void empty() {
        pending.setLength(0);
        pending.trimToSize();
    }

    private void stop() {
        if (!closed) {
            closed = true;
            vertx.cancelTimer(heartbeatTimer);
        }
    }
}
