package com.finlens.platform.ratelimit;

import com.finlens.platform.auth.CurrentUser;
import com.finlens.platform.http.ApiException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A per-user limit on API requests per minute that holds across replicas: the budget lives in the database
 * ({@link RateWindows}). So that a request rarely waits for a write, each replica claims hits in blocks and spends
 * them locally, and one claim at a time per user (concurrent requests wait for it instead of each writing).
 *
 * <p>Bounds: the database hands out at most the limit per window in total, so no replica ever lets more than the
 * limit through. A block starts at {@link #initialBlock} hits and doubles each time a replica spends one within a
 * second (a user or script sending fast), up to {@link #maxBlock} (a tenth of the limit); so hits claimed by one
 * replica and not yet spent can make another refuse at most {@code (replicas - 1) × maxBlock} hits early, and
 * never for a user sending at an ordinary pace. Anonymous requests are not counted (they get 401 anyway).
 */
public final class ApiRateLimit implements Handler<RoutingContext> {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final long FAST_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_TRACKED_USERS = 50_000;

    private final RateWindows windows;
    private final Clock clock;
    private final int perMinute;
    private final int initialBlock;
    private final int maxBlock;
    private final Map<Long, Budget> budgets = new ConcurrentHashMap<>();

    public ApiRateLimit(RateWindows windows, Clock clock, int perMinute) {
        this.windows = windows;
        this.clock = clock;
        this.perMinute = perMinute;
        this.initialBlock = Math.max(1, Math.min(25, perMinute / 20));
        this.maxBlock = Math.max(initialBlock, perMinute / 10);
    }

    /**
     * One user's hits on this replica in the current window: the unspent part of what was claimed, whether the
     * window is used up, the claim under way (shared by every request that finds the block empty). Guarded by its
     * own lock: the event loops share it, and each holds it for a few field updates only.
     */
    private static final class Budget {
        Instant window;
        int remaining;
        boolean exhausted;
        int nextBlock;
        long lastClaimNanos;
        Future<Void> claiming;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!CurrentUser.isSignedIn(ctx)) {
            ctx.next();
            return;
        }
        long userId = CurrentUser.id(ctx);
        Instant window = windowStart(clock.instant());
        Budget budget = budgets.computeIfAbsent(userId, id -> new Budget());
        Future<Void> claim;
        synchronized (budget) {
            if (!window.equals(budget.window)) {
                budget.window = window;
                budget.remaining = 0;
                budget.exhausted = false;
                budget.nextBlock = initialBlock;
                budget.claiming = null;
            }
            if (budget.remaining > 0) {
                budget.remaining--;
                claim = null;
            } else if (budget.exhausted) {
                ctx.fail(limited(window));
                return;
            } else {
                if (budget.claiming == null) {
                    budget.claiming = claim(userId, budget, window);
                }
                claim = budget.claiming;
            }
        }
        if (claim == null) {
            ctx.next();
            return;
        }
        if (budgets.size() > MAX_TRACKED_USERS) {
            budgets.values().removeIf(b -> !window.equals(b.window));
        }
        // Every waiter goes on on its own event loop, then tries to spend again (the claim may have been too small
        // for all of them).
        Context caller = Vertx.currentContext();
        claim.onComplete(done -> {
            Runnable resume = () -> {
                if (done.failed()) {
                    ctx.fail(done.cause());
                } else {
                    handle(ctx);
                }
            };
            if (caller == null || caller == Vertx.currentContext()) {
                resume.run();
            } else {
                caller.runOnContext(v -> resume.run());
            }
        });
    }

    /** Claims the budget's next block from the database; the grant lands in the budget if its window still holds. */
    private Future<Void> claim(long userId, Budget budget, Instant window) {
        int size = budget.nextBlock;
        return windows.claim(userId, window, size, perMinute).transform(claimed -> {
            synchronized (budget) {
                if (window.equals(budget.window)) {
                    budget.claiming = null;
                    if (claimed.succeeded()) {
                        long now = System.nanoTime();
                        if (budget.lastClaimNanos != 0 && now - budget.lastClaimNanos < FAST_NANOS) {
                            budget.nextBlock = Math.min(maxBlock, budget.nextBlock * 2);
                        }
                        budget.lastClaimNanos = now;
                        budget.remaining += claimed.result();
                        budget.exhausted = claimed.result() < size;
                    }
                }
            }
            return claimed.succeeded() ? Future.<Void>succeededFuture()
                    : Future.<Void>failedFuture(claimed.cause());
        });
    }

    /** Starts the hourly purge of old windows (rows here, entries in memory). */
    public void start(Vertx vertx) {
        vertx.setPeriodic(Duration.ofHours(1).toMillis(), t -> {
            Instant current = windowStart(clock.instant());
            budgets.values().removeIf(b -> !current.equals(b.window));
            windows.purgeBefore(current.minus(Duration.ofHours(1)));
        });
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
