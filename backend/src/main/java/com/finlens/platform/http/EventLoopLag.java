package com.finlens.platform.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import io.vertx.micrometer.backends.BackendRegistries;
import java.util.concurrent.TimeUnit;

/**
 * Measures how long each HTTP event loop is kept from its next task: a timer due every 100 ms records how late it
 * fired. Anything that blocks the loop (a slow parse, a synchronous write, a lock) shows up here at once. Exported
 * at /metrics as {@code finlens_event_loop_lag_seconds} (count, sum and the recent max).
 */
public final class EventLoopLag {

    private static final long PERIOD_MS = 100;

    private final Timer lag;

    public EventLoopLag(String metricsRegistry) {
        MeterRegistry registry = BackendRegistries.getNow(metricsRegistry);
        this.lag = Timer.builder("finlens.event.loop.lag")
                .description("How late a timer due every 100 ms fires on the HTTP event loops")
                .register(registry);
    }

    /** Starts probing the calling verticle's event loop; returns the timer id to cancel on stop. */
    public long probe(Vertx vertx) {
        long period = TimeUnit.MILLISECONDS.toNanos(PERIOD_MS);
        long[] due = {System.nanoTime() + period};
        return vertx.setPeriodic(PERIOD_MS, id -> {
            long now = System.nanoTime();
            lag.record(Math.max(0, now - due[0]), TimeUnit.NANOSECONDS);
            due[0] = now + period;
        });
    }
}
