package com.finlens.platform.db;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One unit of work with two bounds: the wait for a pooled connection, and the work on it (closing the session
 * included). The caller always has its answer within the two limits, but nothing is cancelled under the database
 * client: a session that arrives after the caller gave up is closed at once, unused, and a session whose work ran
 * past its limit is closed when the work ends (a lost connection ends it; the pool drops that connection by itself).
 * Why two bounds: 500 answers started together queue thousands of units for ten connections, and waiting in that
 * queue is not a database that stopped answering; a commit left unanswered by a lost connection is.
 *
 * <p>The limits are Vert.x timers: cancelling one takes it out of its event loop's queue at once. On Mutiny's
 * shared scheduler a cancelled limit stayed queued until its time was up, so at ~800 answers/s some 80,000 of them
 * (two per unit, for 15 and 30 s) sat in one queue that both event loops locked for every unit, and every one of
 * them outlived the young generation.
 */
final class BoundedUnitOfWork<S, T> {

    private static final Logger LOG = LoggerFactory.getLogger(BoundedUnitOfWork.class);

    private enum State { WAITING, WORKING, ANSWERED }

    private final Vertx vertx;
    private final UniEmitter<? super T> caller;
    private final Context callerContext;
    private final AtomicReference<State> state = new AtomicReference<>(State.WAITING);
    private volatile long limit;

    private BoundedUnitOfWork(Vertx vertx, UniEmitter<? super T> caller, Context callerContext) {
        this.vertx = vertx;
        this.caller = caller;
        this.callerContext = callerContext;
    }

    static <S, T> Uni<T> run(Vertx vertx, Uni<S> open, Function<S, Uni<T>> work, Function<S, Uni<Void>> close,
                             Duration waitLimit, Duration workLimit) {
        return Uni.createFrom().emitter(caller -> new BoundedUnitOfWork<S, T>(vertx, caller, Vertx.currentContext())
                .start(open, work, close, waitLimit, workLimit));
    }

    private void start(Uni<S> open, Function<S, Uni<T>> work, Function<S, Uni<Void>> close, Duration waitLimit,
                       Duration workLimit) {
        limit = expireAfter(waitLimit, State.WAITING, DatabaseNoAnswer::noConnection);
        open.subscribe().with(session -> {
            if (!state.compareAndSet(State.WAITING, State.WORKING)) {
                closeUnused(session, close);
                return;
            }
            vertx.cancelTimer(limit);
            limit = expireAfter(workLimit, State.WORKING, DatabaseNoAnswer::noAnswer);
            Uni.createFrom().deferred(() -> work.apply(session)).eventually(() -> close.apply(session))
                    .subscribe().with(this::answer, this::fail);
        }, failure -> {
            if (state.compareAndSet(State.WAITING, State.ANSWERED)) {
                vertx.cancelTimer(limit);
                caller.fail(failure);
            }
        });
    }

    private void answer(T item) {
        if (state.compareAndSet(State.WORKING, State.ANSWERED)) {
            vertx.cancelTimer(limit);
            caller.complete(item);
        }
    }

    private void fail(Throwable failure) {
        if (state.compareAndSet(State.WORKING, State.ANSWERED)) {
            vertx.cancelTimer(limit);
            caller.fail(failure);
        }
    }

    /**
     * Fails the caller once the limit is up if the unit is still in {@code phase}. The timer may fire on another
     * context than the caller's (the session can arrive on the pool's), so the failure is handed to the caller's
     * Vert.x context (Hibernate Reactive's sessions are bound to it).
     */
    private long expireAfter(Duration after, State phase, Function<Duration, DatabaseNoAnswer> why) {
        return vertx.setTimer(after.toMillis(), id -> {
            if (state.compareAndSet(phase, State.ANSWERED)) {
                DatabaseNoAnswer failure = why.apply(after);
                if (callerContext == null) {
                    caller.fail(failure);
                } else {
                    callerContext.runOnContext(v -> caller.fail(failure));
                }
            }
        });
    }

    private static <S> void closeUnused(S session, Function<S, Uni<Void>> close) {
        close.apply(session).subscribe().with(closed -> { },
                e -> LOG.warn("Could not close a session its caller had given up on: {}", e.getMessage()));
    }
}
