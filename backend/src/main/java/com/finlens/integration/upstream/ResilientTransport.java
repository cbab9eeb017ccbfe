package com.finlens.integration.upstream;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.LocalDate;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Wraps a live transport with the per-source protections: circuit breaker, outbound rate limit, and retries with
 * backoff and jitter only for retryable outcomes (timeouts, connection errors, HTTP 429 and 5xx).
 */
public final class ResilientTransport implements Transport {

    private final Vertx vertx;
    private final String system;
    private final Transport delegate;
    private final RateLimiter rateLimiter;
    private final CircuitBreaker breaker;
    private final RetryPolicy retry;
    private final RandomGenerator random;

    public ResilientTransport(Vertx vertx, String system, Transport delegate, RateLimiter rateLimiter,
                              CircuitBreaker breaker, RetryPolicy retry, RandomGenerator random) {
        this.vertx = vertx;
        this.system = system;
        this.delegate = delegate;
        this.rateLimiter = rateLimiter;
        this.breaker = breaker;
        this.retry = retry;
        this.random = random;
    }

    @Override
    public Optional<LocalDate> snapshotAsOf() {
        return delegate.snapshotAsOf();
    }

    @Override
    public Future<UpstreamResponse> send(UpstreamRequest request) {
        return attempt(request, 1);
    }

    private Future<UpstreamResponse> attempt(UpstreamRequest request, int attempt) {
        if (!breaker.allow()) {
            return Future.failedFuture(new UpstreamException(system, UpstreamException.Kind.CIRCUIT_OPEN,
                    system + " is failing repeatedly; calls are paused for a moment"));
        }
        return rateLimiter.acquire()
                .compose(ignored -> delegate.send(request))
                .transform(outcome -> {
                    boolean retryable = outcome.failed()
                            ? UpstreamException.of(system, outcome.cause()).retryable()
                            : isRetryableStatus(outcome.result().status());
                    if (outcome.failed() && isLocalRefusal(outcome.cause())) {
                        return Future.failedFuture(outcome.cause());
                    }
                    if (retryable) {
                        breaker.onFailure();
                    } else {
                        breaker.onSuccess();
                    }
                    if (retryable && attempt < retry.maxAttempts()) {
                        return delay(retry.delayBefore(attempt, random).toMillis())
                                .compose(ignored -> attempt(request, attempt + 1));
                    }
                    if (outcome.failed()) {
                        return Future.failedFuture(UpstreamException.of(system, outcome.cause()));
                    }
                    return Future.succeededFuture(outcome.result());
                });
    }

    private static boolean isRetryableStatus(int status) {
        return status == 429 || status >= 500;
    }

    /** Our own rate limiter refusing is not a sign of upstream trouble. */
    private static boolean isLocalRefusal(Throwable t) {
        return t instanceof UpstreamException u && u.kind() == UpstreamException.Kind.RATE_LIMITED && u.httpStatus() == 0;
    }

    private Future<Void> delay(long millis) {
        if (millis <= 0) {
            return Future.succeededFuture();
        }
        Promise<Void> promise = Promise.promise();
        vertx.setTimer(millis, id -> promise.complete());
        return promise.future();
    }
}
