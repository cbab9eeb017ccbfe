package com.finlens.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits on a condition with a bound, instead of sleeping and hoping. */
public final class Waits {

    private Waits() {
    }

    /** Polls {@code condition} every 20 ms until it holds; fails the test once {@code limit} has passed. */
    public static void until(Duration limit, BooleanSupplier condition) {
        until("condition", limit, condition);
    }

    /** As {@link #until(Duration, BooleanSupplier)}, naming what did not happen when it fails. */
    public static void until(String what, Duration limit, BooleanSupplier condition) {
        long giveUpAt = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUpAt) {
                throw new AssertionError(what + " did not hold within " + limit);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
