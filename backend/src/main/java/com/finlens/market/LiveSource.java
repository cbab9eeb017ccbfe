package com.finlens.market;

import com.finlens.integration.upstream.CircuitBreaker;
import com.finlens.integration.upstream.RateLimiter;
import com.finlens.integration.upstream.ResilientTransport;
import com.finlens.integration.upstream.RetryPolicy;
import com.finlens.integration.upstream.Transport;
import com.finlens.integration.upstream.UpstreamResponse;
import com.finlens.integration.upstream.WebClientTransport;
import com.finlens.market.cache.CachingTransport;
import com.finlens.market.cache.InMemoryMarketCacheStore;
import com.finlens.market.cache.MarketCacheStore;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Random;
import java.util.function.Predicate;

/**
 * One live market source as the module reaches it: HTTP (WebClient) under a rate limit, a circuit breaker and
 * retries, and, for the API hosts, the cache in front with its single flight, so identical concurrent requests make
 * one upstream call. Tests build a source exactly like this against a local replay server.
 */
record LiveSource(String system, String baseUrl, Duration timeout, double perSecond, int burst, long dailyQuota,
                  ZoneId quotaZone, String userAgent) {

    /** Rate limit, breaker, retries and HTTP, without a cache (Yahoo's cookie host: its answer is a session). */
    Transport resilient(Vertx vertx, Clock clock) {
        WebClientOptions options = new WebClientOptions()
                .setConnectTimeout((int) Math.min(timeout.toMillis(), 10_000))
                .setIdleTimeout(60)
                .setTryUseCompression(true)
                .setUserAgent(userAgent == null ? "Finlens/0.1" : userAgent)
                .setFollowRedirects(true);
        Transport http = new WebClientTransport(system, WebClient.create(vertx, options), baseUrl, timeout, clock);
        return new ResilientTransport(vertx, system, http,
                new RateLimiter(vertx, system, perSecond, burst, dailyQuota, Duration.ofSeconds(10), clock, quotaZone),
                new CircuitBreaker(5, Duration.ofSeconds(30), clock),
                new RetryPolicy(3, Duration.ofMillis(300), Duration.ofSeconds(3)), new Random());
    }

    /** The memory tier, the durable store and single flight over {@link #resilient}. */
    Transport cached(Vertx vertx, InMemoryMarketCacheStore memory, MarketCacheStore store,
                     Predicate<UpstreamResponse> storable, WorkerExecutor worker, Clock clock) {
        return new CachingTransport(system, resilient(vertx, clock), memory, store, storable, worker, clock);
    }
}
