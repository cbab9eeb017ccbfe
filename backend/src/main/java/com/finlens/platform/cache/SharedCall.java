package com.finlens.platform.cache;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * One call at a time (single flight without keeping the result): a caller arriving while the call runs shares its
 * outcome instead of starting another; the first caller after it has finished starts a new one. Every caller is
 * resumed on its own Vert.x context, as with {@link ExpiringCache}.
 */
public final class SharedCall<V> {

    private Future<V> inFlight;

    /**
     * The call under way, or the one {@code start} begins now. {@code start} runs outside the lock: starting a call
     * may take a while (or call back in here), and callers arriving meanwhile only need the future it will complete.
     */
    public Future<V> join(Supplier<Future<V>> start) {
        Promise<V> mine = null;
        Future<V> shared;
        synchronized (this) {
            if (inFlight == null) {
                mine = Promise.promise();
                inFlight = mine.future();
            }
            shared = inFlight;
        }
        if (mine != null) {
            begin(start, mine);
        }
        return onCallerContext(shared);
    }

    private void begin(Supplier<Future<V>> start, Promise<V> outcome) {
        Future<V> started;
        try {
            started = start.get();
        } catch (RuntimeException e) {
            started = Future.failedFuture(e);
        }
        started.onComplete(done -> {
            forget(outcome.future());
            outcome.handle(done);
        });
    }

    private synchronized void forget(Future<V> finished) {
        if (inFlight == finished) {
            inFlight = null;
        }
    }

    /**
     * A completed result as an already-completed future without a context; otherwise the shared outcome handed to
     * the caller's context (Hibernate Reactive binds sessions to it: a request must never resume on another loop).
     */
    static <V> Future<V> onCallerContext(Future<V> shared) {
        if (shared.isComplete()) {
            return shared.succeeded() ? Future.succeededFuture(shared.result()) : Future.failedFuture(shared.cause());
        }
        Context caller = Vertx.currentContext();
        if (caller == null) {
            return shared;
        }
        Promise<V> mine = Promise.promise();
        shared.onComplete((AsyncResult<V> done) -> caller.runOnContext(v -> mine.handle(done)));
        return mine.future();
    }
}
