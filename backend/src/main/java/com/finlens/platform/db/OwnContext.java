package com.finlens.platform.db;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Runs work that outlives its caller (an ingestion job, background ingestion, start-up repairs) on a Vert.x
 * context of its own.
 *
 * <p>Why: Hibernate Reactive keeps the open session in the current context's local data ({@code Context.putLocal})
 * and {@code withSession} reuses a session it finds there. Work started from a request handler would otherwise
 * run on the request's context, share its session and put two queries in flight on it. Vert.x gives every verticle
 * deployment a new event-loop context with empty local data, so deploying a throwaway verticle is the public-API
 * way to a fresh session scope (no cast to Vert.x internals); it is undeployed once the work's future completes.
 */
public final class OwnContext {

    private final Vertx vertx;

    public OwnContext(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * Runs {@code work} on a fresh event-loop context. The returned future completes, with the work's outcome,
     * after that context is released; callers that go on with database work do so on their own context.
     */
    public <T> Future<T> run(Supplier<Future<T>> work) {
        Promise<T> result = Promise.promise();
        Job<T> job = new Job<>(work);
        vertx.deployVerticle(job).onComplete(deployed -> {
            if (deployed.failed()) {
                result.fail(deployed.cause());
                return;
            }
            job.done.future().onComplete(outcome -> vertx.undeploy(deployed.result())
                    .onComplete(undeployed -> result.handle(outcome)));
        });
        return result.future();
    }

    /** A verticle whose only purpose is the context Vert.x creates for it. */
    private static final class Job<T> extends AbstractVerticle {

        private final Supplier<Future<T>> work;
        private final Promise<T> done = Promise.promise();

        Job(Supplier<Future<T>> work) {
            this.work = work;
        }

        @Override
        public void start() {
            Future<T> outcome;
            try {
                outcome = work.get();
            } catch (RuntimeException e) {
                outcome = Future.failedFuture(e);
            }
            outcome.onComplete(done);
        }
    }
}
