package com.finlens.market.cache;

import com.finlens.platform.auth.CurrentUser;
import com.finlens.platform.cache.ExpiringCache;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The encoded JSON of market-data answers, shared by every signed-in user: these answers depend only on the path
 * and query, never on who asks (nothing user-specific may be routed through here). Building one meant finding the
 * company, deriving the figures from cached upstream bodies and encoding the JSON on every request; now that is done
 * once per {@link #TTL}. The body keeps its provenance and as-of dates, so a cached answer says exactly what the
 * original said. A degraded answer (a source failed) is kept for {@link #DEGRADED_TTL} only, so a source that
 * recovers shows soon; answers larger than {@link #MAX_BODY_BYTES} are not kept.
 */
public final class SharedResponses {

    /** Upstream bodies are cached for at least five minutes; a minute more of derived staleness is harmless. */
    static final Duration TTL = Duration.ofSeconds(60);
    static final Duration DEGRADED_TTL = Duration.ofSeconds(5);
    private static final int MAX_ENTRIES = 1_024;
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

    private record Encoded(Buffer body, boolean degraded) {

        boolean small() {
            return body.length() <= MAX_BODY_BYTES;
        }
    }

    private final ExpiringCache<String, Encoded> healthy = new ExpiringCache<>(TTL, MAX_ENTRIES);
    private final ExpiringCache<String, Encoded> degraded = new ExpiringCache<>(DEGRADED_TTL, MAX_ENTRIES);

    /** A GET handler for signed-in users that answers from the shared cache or from {@code answer}. */
    public Handler<RoutingContext> cached(Function<RoutingContext, Future<JsonObject>> answer) {
        return ctx -> {
            CurrentUser.id(ctx);
            Future<Encoded> encoded;
            try {
                String key = key(ctx);
                // A miss here asks the short-lived cache of degraded answers, which asks the route.
                encoded = healthy.get(key, () -> degraded.get(key,
                        () -> answer.apply(ctx).map(SharedResponses::encode),
                        e -> e.degraded() && e.small()), e -> !e.degraded() && e.small());
            } catch (RuntimeException e) {
                ctx.fail(e);
                return;
            }
            encoded.onSuccess(e -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(e.body()))
                    .onFailure(ctx::fail);
        };
    }

    private static Encoded encode(JsonObject json) {
        Buffer body = json.toBuffer();
        return new Encoded(body, json.getBoolean("degraded", false));
    }

    /** Path and query with parameters sorted, so the same question always finds the same entry. */
    private static String key(RoutingContext ctx) {
        if (ctx.request().query() == null) {
            return ctx.request().path();
        }
        Map<String, String> query = new TreeMap<>();
        ctx.queryParams().forEach(e -> query.merge(e.getKey(), e.getValue(), (a, b) -> a + "," + b));
        return ctx.request().path() + "?" + query;
    }
}
