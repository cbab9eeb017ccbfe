package com.finlens.platform.ratelimit;

import com.finlens.platform.auth.CurrentUser;
import com.finlens.platform.http.ApiException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A per-user limit on API requests per minute that holds across replicas: the budget lives in the database
 * ({@link RateWindows}). So that a request rarely waits for a write, each replica claims hits in small blocks
 * and spends them locally; a replica's unspent block can make another refuse at most one block early, never let
 * more than the limit through. Anonymous requests are not counted (they get 401 anyway).
 */
public final class ApiRateLimit implements Handler<RoutingContext> {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_TRACKED_USERS = 50_000;

    private final RateWindows windows;
    private final Clock clock;
    private final int perMinute;
    private final int block;
    private final Map<Long, Lease> leases = new ConcurrentHashMap<>();

    public ApiRateLimit(RateWindows windows, Clock clock, int perMinute) {
        this.windows = windows;
        this.clock = clock;
        this.perMinute = perMinute;
        this.block = Math.max(1, Math.min(25, perMinute / 20));
    }

    /** Hits claimed from one window and not yet spent, or a window known to be used up. */
    private record Lease(Instant window, int remaining, boolean exhausted) {
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!CurrentUser.isSignedIn(ctx)) {
            ctx.next();
            return;
        }
        long userId = CurrentUser.id(ctx);
        Instant window = windowStart(clock.instant());
        if (spendLocal(userId, window)) {
            ctx.next();
            return;
        }
        Lease known = leases.get(userId);
        if (known != null && known.window().equals(window) && known.exhausted()) {
            ctx.fail(limited(window));
            return;
        }
        windows.claim(userId, window, block, perMinute).onComplete(claimed -> {
            if (claimed.failed()) {
                ctx.fail(claimed.cause());
                return;
            }
            int granted = claimed.result();
            if (granted == 0) {
                leases.put(userId, new Lease(window, 0, true));
                ctx.fail(limited(window));
                return;
            }
            // One of the granted hits is this request; the rest wait for the user's next requests here.
            leases.merge(userId, new Lease(window, granted - 1, false), (old, fresh) -> old.window().equals(window)
                    ? new Lease(window, old.remaining() + fresh.remaining(), false) : fresh);
            ctx.next();
        });
    }

    /** Starts the hourly purge of old windows (rows here, entries in memory). */
    public void start(Vertx vertx) {
        vertx.setPeriodic(Duration.ofHours(1).toMillis(), t -> {
            Instant current = windowStart(clock.instant());
            leases.values().removeIf(l -> l.window().isBefore(current));
            windows.purgeBefore(current.minus(Duration.ofHours(1)));
        });
    }

    private boolean spendLocal(long userId, Instant window) {
        boolean[] spent = {false};
        leases.computeIfPresent(userId, (id, lease) -> {
            if (!lease.window().equals(window)) {
                return null;
            }
            if (lease.remaining() > 0) {
                spent[0] = true;
                return new Lease(window, lease.remaining() - 1, false);
            }
            return lease;
        });
        if (leases.size() > MAX_TRACKED_USERS) {
            leases.values().removeIf(l -> !l.window().equals(window));
        }
        return spent[0];
    }

    private ApiException limited(Instant window) {
        long retryAfter = Math.max(1, Duration.between(clock.instant(), window.plus(WINDOW)).toSeconds() + 1);
        return ApiException.tooManyRequests(retryAfter, "You are sending requests too quickly (" + perMinute
                + " a minute). Try again in " + retryAfter + " s.");
    }

    private static Instant windowStart(Instant now) {
        return Instant.ofEpochSecond(now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), WINDOW.toSeconds()));
    }

}
