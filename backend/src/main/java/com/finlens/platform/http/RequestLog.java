package com.finlens.platform.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gives every request an id (echoed as X-Request-Id, used in error logs) and writes one access-log line. */
public final class RequestLog implements Handler<RoutingContext> {

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
        ctx.addEndHandler(done -> LOG.info("{} {} {} {} {}ms {}", id, ctx.request().method(), ctx.request().path(),
                ctx.response().getStatusCode(), (System.nanoTime() - started) / 1_000_000,
                ctx.request().remoteAddress() == null ? "-" : ctx.request().remoteAddress().host()));
        ctx.next();
    }

    public static String id(RoutingContext ctx) {
        String id = ctx.get(KEY);
        return id == null ? "-" : id;
    }
}
