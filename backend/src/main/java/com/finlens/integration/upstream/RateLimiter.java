package com.finlens.integration.upstream;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Outbound politeness for one source: a token bucket (steady rate with a small burst) plus a daily quota
 * (DART allows about 20,000 calls per key per day, KRX 10,000). A caller waits for a token up to
 * {@code maxWait}; past that, or once the day's quota is spent, the call fails as RATE_LIMITED without
 * reaching the upstream system.
 */
public final class RateLimiter {

    private final Vertx vertx;
    private final String system;
    private final double permitsPerSecond;
    private final double burst;
    private final long dailyQuota;
    private final Duration maxWait;
    private final Clock clock;
    private final ZoneId quotaZone;

    private double tokens;
    private long lastRefillNanos;
    private LocalDate quotaDay;
    private long usedToday;

    public RateLimiter(Vertx vertx, String system, double permitsPerSecond, int burst, long dailyQuota,
                       Duration maxWait, Clock clock, ZoneId quotaZone) {
        this.vertx = vertx;
        this.system = system;
        this.permitsPerSecond = permitsPerSecond;
        this.burst = burst;
        this.dailyQuota = dailyQuota;
        this.maxWait = maxWait;
        this.clock = clock;
        this.quotaZone = quotaZone;
        this.tokens = burst;
        this.lastRefillNanos = System.nanoTime();
    }

    /** Completes when the call may go out. */
    public Future<Void> acquire() {
        long waitMillis;
        synchronized (this) {
            LocalDate today = LocalDate.now(clock.withZone(quotaZone));
            if (!today.equals(quotaDay)) {
                quotaDay = today;
                usedToday = 0;
            }
            if (usedToday >= dailyQuota) {
                return Future.failedFuture(new UpstreamException(system, UpstreamException.Kind.RATE_LIMITED,
                        system + " daily call quota (" + dailyQuota + ") is used up"));
            }
            refill();
            tokens -= 1;
            usedToday++;
            waitMillis = tokens >= 0 ? 0 : (long) Math.ceil(-tokens / permitsPerSecond * 1000);
            if (waitMillis > maxWait.toMillis()) {
                tokens += 1;
                usedToday--;
                return Future.failedFuture(new UpstreamException(system, UpstreamException.Kind.RATE_LIMITED,
                        "too many " + system + " calls right now; try again shortly"));
            }
        }
        if (waitMillis == 0) {
            return Future.succeededFuture();
        }
        Promise<Void> promise = Promise.promise();
        vertx.setTimer(waitMillis, id -> promise.complete());
        return promise.future();
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - lastRefillNanos) / 1e9 * permitsPerSecond);
        lastRefillNanos = now;
    }

    public synchronized long usedToday() {
        return usedToday;
    }
}
