package com.finlens.platform.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Gives every request an id (echoed as X-Request-Id, used in error logs) and writes one access-log line. Ids are a
 * random per-process prefix and a counter: unique, and cheap (a random UUID per request took a shared lock).
 */
public final class RequestLog implements Handler<RoutingContext>, AutoCloseable {

    private final AtomicLong sequence = new AtomicLong();
    private final String prefix = String.format("%08x", new SecureRandom().nextInt());
    private final AccessLog accessLog = new AccessLog(System.err);
    private final boolean forwardedHeadersTrusted;

    /** Counted by every event loop at once: an adder, not one contended counter. */
    private final LongAdder inFlight = new LongAdder();
    private volatile boolean draining;

    /**
     * {@code forwardedHeadersTrusted}: the client address logged is the one the proxy names (X-Forwarded-For), as
     * the router reads it; otherwise the connection's own peer.
     */
    public RequestLog(boolean forwardedHeadersTrusted) {
        this.forwardedHeadersTrusted = forwardedHeadersTrusted;
    }

    public static final String HEADER = "X-Request-Id";
    private static final CharSequence HEADER_NAME = io.vertx.core.http.HttpHeaders.createOptimized(HEADER);
    private static final String KEY = "finlens.requestId";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    public void handle(RoutingContext ctx) {
        if (admit(ctx)) {
            ctx.next();
        }
    }

    /**
     * Names and logs the request; false when it was refused (the server is shutting down) and has been failed.
     * The server's per-request step calls this directly.
     */
    public boolean admit(RoutingContext ctx) {
        String incoming = ctx.request().getHeader(HEADER);
        String id = incoming != null && SAFE_ID.matcher(incoming).matches() ? incoming
                : prefix + "-" + Long.toHexString(sequence.incrementAndGet());
        ctx.put(KEY, id);
        ctx.response().putHeader(HEADER_NAME, id);
        long started = System.nanoTime();
        inFlight.increment();
        // Health probes would drown the log: one line every few seconds per probe, saying nothing.
        boolean logged = accessLog.enabled() && !ctx.request().path().startsWith("/health/");
        ctx.addEndHandler(done -> {
            inFlight.decrement();
            if (logged) {
                HttpServerRequest request = ctx.request();
                // The writer's thread formats the line: the event loop only gathers its parts.
                accessLog.write(new AccessLog.Line(id, request.method(), request.path(),
                        ctx.response().getStatusCode(), System.nanoTime() - started, client(request)));
            }
        });
        if (draining) {
            // Shutting down: tell keep-alive clients (and nginx) to open their next request elsewhere, and take no
            // new work (health checks still answer, readiness with 503).
            ctx.response().putHeader("Connection", "close");
            if (!ctx.request().path().startsWith("/health/")) {
                ctx.fail(ApiException.unavailable("shutting-down",
                        "This server is shutting down; try again in a moment."));
                return false;
            }
        }
        return true;
    }

    /**
     * The router's request reads the client's address through Vert.x Web's forwarded-header parser, which works out
     * scheme, host and port as well: needed only when a proxy's headers are trusted.
     */
    private SocketAddress client(HttpServerRequest request) {
        return forwardedHeadersTrusted ? request.remoteAddress() : request.connection().remoteAddress();
    }

    /** Requests started and not yet finished (streams included). */
    public int inFlight() {
        return inFlight.intValue();
    }

    /** From now on the server is shutting down: readiness fails and connections are not kept alive. */
    public void startDraining() {
        draining = true;
    }

    public boolean draining() {
        return draining;
    }

    /** Flushes the access log (after the server has stopped). */
    @Override
    public void close() {
        accessLog.close();
    }

    public static String id(RoutingContext ctx) {
        String id = ctx.get(KEY);
        return id == null ? "-" : id;
    }
}
