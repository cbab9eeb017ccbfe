package com.finlens.integration.upstream;

import static com.finlens.testing.ReplayServer.await;
import static com.finlens.testing.ReplayServer.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.ReplayServer;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Outbound protections: retries, circuit breaker, rate limit")
class ResilientTransportTest {

    private static final String PATH = "/v8/finance/chart/AAPL";
    private static Vertx vertx;
    private static ReplayServer server;
    private CircuitBreaker breaker;
    private ResilientTransport transport;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        server = ReplayServer.start(vertx);
    }

    @AfterAll
    static void stop() {
        server.close();
        await(vertx.close());
    }

    @BeforeEach
    void fresh() {
        server.reset();
        breaker = new CircuitBreaker(3, Duration.ofMinutes(1), Clock.systemUTC());
        transport = resilient(new RateLimiter(vertx, "yahoo", 1000, 100, 1000, Duration.ofSeconds(1),
                Clock.systemUTC(), ZoneOffset.UTC));
    }

    private ResilientTransport resilient(RateLimiter limiter) {
        Transport http = new WebClientTransport("yahoo", WebClient.create(vertx), server.baseUrl(),
                Duration.ofSeconds(5), Clock.systemUTC());
        return new ResilientTransport(vertx, "yahoo", http, limiter, breaker,
                new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20)), new Random(7));
    }

    private static UpstreamRequest chart() {
        return UpstreamRequest.get(PATH).build();
    }

    private AsyncResult<UpstreamResponse> outcome() {
        return await(transport.send(chart()).transform(Future::succeededFuture));
    }

    @Test
    @DisplayName("retries a 429 and succeeds when the next attempt answers")
    void retriesRetryable() {
        server.on("GET", PATH)
                .reply(429, "text/plain", resource("fixtures/yahoo/getcrumb_429_body_observed.txt"))
                .reply(200, "application/json", resource("fixtures/yahoo/history_chart_AAPL.json"));
        assertThat(await(transport.send(chart())).status()).isEqualTo(200);
        assertThat(server.count("GET", PATH)).isEqualTo(2);
    }

    @Test
    @DisplayName("does not retry a 404 and returns it to the adapter")
    void noRetryOnClientError() {
        server.on("GET", PATH).reply(404, "application/json", resource("fixtures/yahoo/chart_404_unknown_symbol.json"));
        assertThat(await(transport.send(chart())).status()).isEqualTo(404);
        assertThat(server.count("GET", PATH)).isEqualTo(1);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    @DisplayName("gives up after the last attempt and opens the circuit after repeated failures")
    void circuitOpens() {
        server.on("GET", PATH).reply(503, "text/plain", "unavailable");
        assertThat(await(transport.send(chart())).status()).isEqualTo(503);
        assertThat(server.count("GET", PATH)).isEqualTo(3);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        AsyncResult<UpstreamResponse> refused = outcome();
        assertThat(refused.failed()).isTrue();
        assertThat(((UpstreamException) refused.cause()).kind()).isEqualTo(UpstreamException.Kind.CIRCUIT_OPEN);
        assertThat(server.count("GET", PATH)).isEqualTo(3);
    }

    @Test
    @DisplayName("lets one trial call through after the open period and closes on success")
    void halfOpen() {
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> now =
                new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.parse("2024-01-01T00:00:00Z"));
        Clock moving = new Clock() {
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public java.time.Instant instant() {
                return now.get();
            }
        };
        CircuitBreaker cb = new CircuitBreaker(1, Duration.ofSeconds(30), moving);
        cb.onFailure();
        assertThat(cb.allow()).isFalse();
        now.set(now.get().plusSeconds(31));
        assertThat(cb.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(cb.allow()).isTrue();
        assertThat(cb.allow()).isFalse();
        cb.onSuccess();
        assertThat(cb.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    @DisplayName("refuses calls locally once the daily quota is used up")
    void dailyQuota() {
        server.on("GET", PATH).reply(200, "application/json", resource("fixtures/yahoo/history_chart_AAPL.json"));
        transport = resilient(new RateLimiter(vertx, "dart", 1000, 10, 2, Duration.ofSeconds(1), Clock.systemUTC(),
                ZoneOffset.UTC));
        await(transport.send(chart()));
        await(transport.send(chart()));
        AsyncResult<UpstreamResponse> third = outcome();
        assertThat(third.failed()).isTrue();
        assertThat(((UpstreamException) third.cause()).kind()).isEqualTo(UpstreamException.Kind.RATE_LIMITED);
        assertThat(server.count("GET", PATH)).isEqualTo(2);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    @DisplayName("spaces calls beyond the burst instead of failing them")
    void rateLimitWaits() {
        server.on("GET", PATH).reply(200, "application/json", resource("fixtures/yahoo/history_chart_AAPL.json"));
        RateLimiter limiter = new RateLimiter(vertx, "yahoo", 50, 1, 1000, Duration.ofSeconds(2), Clock.systemUTC(),
                ZoneOffset.UTC);
        transport = resilient(limiter);
        await(Future.all(transport.send(chart()), transport.send(chart()), transport.send(chart())));
        assertThat(server.count("GET", PATH)).isEqualTo(3);
        assertThat(limiter.usedToday()).isEqualTo(3);
    }
}
