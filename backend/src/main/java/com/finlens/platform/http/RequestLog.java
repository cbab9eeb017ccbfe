package com.finlens.platform.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gives every request an id (echoed as X-Request-Id, used in error logs) and writes one access-log line. */
public final class RequestLog implements Handler<RoutingContext> {

    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean draining;

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "finlens.requestId";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final Logger LOG = LoggerFactory.getLogger("finlens.access");

    @Override
    public void handle(RoutingContext ctx) {
        String incoming = ctx.request().getHeader(HEADER);
        String id = incoming != null && SAFE_ID.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        ctx.put(KEY, id);
        ctx.response().putHeader(HEADER, id);
        long started = System.nanoTime();
        inFlight.incrementAndGet();
        ctx.addEndHandler(done -> inFlight.decrementAndGet());
        ctx.addEndHandler(done -> LOG.info("{} {} {} {} {}ms {}", id, ctx.request().method(), ctx.request().path(),
                ctx.response().getStatusCode(), (System.nanoTime() - started) / 1_000_000,
                ctx.request().remoteAddress() == null ? "-" : ctx.request().remoteAddress().host()));
        if (draining) {
            // Shutting down: tell keep-alive clients (and nginx) to open their next request elsewhere, and take no
            // new work (health checks still answer, readiness with 503).
            ctx.response().putHeader("Connection", "close");
            if (!ctx.request().path().startsWith("/health/")) {
                ctx.fail(ApiException.unavailable("shutting-down",
                        "This server is shutting down; try again in a moment."));
                return;
            }
        }
        ctx.next();
    }

    /** Requests started and not yet finished (streams included). */
    public int inFlight() {
        return inFlight.get();
    }

    /** From now on the server is shutting down: readiness fails and connections are not kept alive. */
    public void startDraining() {
        draining = true;
    }

    public boolean draining() {
        return draining;
    }

    public static String id(RoutingContext ctx) {
        String id = ctx.get(KEY);
        return id == null ? "-" : id;
    }
}
