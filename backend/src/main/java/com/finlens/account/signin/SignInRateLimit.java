package com.finlens.account.signin;

import com.finlens.platform.http.ApiException;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per client IP for the sign-in and token endpoints: a burst of {@code perMinute}, refilled
 * evenly over a minute. In memory and per replica, which is enough to slow down guessing and floods. The map is
 * bounded: the least recently seen addresses are forgotten first.
 */
public final class SignInRateLimit implements Handler<RoutingContext> {

    private static final int MAX_TRACKED_ADDRESSES = 10_000;

    private final Clock clock;
    private final double capacity;
    private final double tokensPerMilli;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED_ADDRESSES;
        }
    };

    public SignInRateLimit(Clock clock, int perMinute) {
        this.clock = clock;
        this.capacity = perMinute;
        this.tokensPerMilli = perMinute / 60_000.0;
    }

    /** Puts the limit in front of every sign-in and token route. */
    public void mount(Router root) {
        root.route("/auth/google").handler(this);
        root.route("/auth/google/callback").handler(this);
        root.route("/auth/extension/*").handler(this);
        root.route("/auth/dev").handler(this);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String ip = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().host();
        long waitMillis = take(ip);
        if (waitMillis > 0) {
            ctx.fail(ApiException.tooManyRequests(Math.max(1, (waitMillis + 999) / 1000),
                    "Too many sign-in attempts from your address. Wait a little and try again."));
            return;
        }
        ctx.next();
    }

    /** Takes one token; returns 0 when allowed, otherwise how long until a token is available. */
    synchronized long take(String ip) {
        long now = clock.millis();
        Bucket bucket = buckets.computeIfAbsent(ip, k -> new Bucket(capacity, now));
        bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.refilledAt) * tokensPerMilli);
        bucket.refilledAt = now;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - bucket.tokens) / tokensPerMilli);
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        private Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }
}
