package com.finlens.market.cache;

import static com.finlens.testing.ReplayServer.await;
import static com.finlens.testing.ReplayServer.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.integration.krx.KrxClient;
import com.finlens.integration.krx.KrxMarket;
import com.finlens.integration.upstream.UpstreamResponse;
import com.finlens.integration.upstream.WebClientTransport;
import com.finlens.testing.ReplayServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Market cache and single flight")
class CachingTransportTest {

    private static final LocalDate PAST_DAY = LocalDate.of(2024, 1, 5);
    private static final String PATH = "/svc/apis/sto/stk_bydd_trd";
    private static Vertx vertx;
    private static ReplayServer server;
    private final Clock clock = Clock.fixed(Instant.parse("2024-03-01T00:00:00Z"), ZoneOffset.UTC);
    private InMemoryMarketCacheStore store;
    private KrxClient krx;

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
        store = new InMemoryMarketCacheStore(32L << 20, clock);
        krx = client(new InMemoryMarketCacheStore(32L << 20, clock), store);
    }

    private KrxClient client(InMemoryMarketCacheStore memory, MarketCacheStore durable) {
        WebClientTransport http = new WebClientTransport("krx", WebClient.create(vertx), server.baseUrl(),
                Duration.ofSeconds(5), clock);
        WorkerExecutor worker = vertx.createSharedWorkerExecutor("caching-transport-test", 1);
        return new KrxClient(new CachingTransport("krx", http, memory, durable, KrxClient::storable, worker, clock), "k",
                clock, worker);
    }

    @Test
    @DisplayName("answers a repeated request for a past trading day from the cache without calling KRX again")
    void cacheHit() {
        server.on("POST", PATH).reply(200, "application/json",
                resource("fixtures/krx-openapi/stk_bydd_trd_20240105_excerpt.json"));
        var first = await(krx.dailyTrading(KrxMarket.KOSPI, PAST_DAY));
        var second = await(krx.dailyTrading(KrxMarket.KOSPI, PAST_DAY));
        assertThat(server.count("POST", PATH)).isEqualTo(1);
        assertThat(second.value()).isEqualTo(first.value());
        assertThat(second.fetch().fromCache()).isTrue();
        assertThat(second.fetch().fetchedAt()).isEqualTo(first.fetch().fetchedAt());
    }

    @Test
    @DisplayName("serves from the durable store when the memory tier is empty (e.g. after a restart)")
    void durableTier() {
        server.on("POST", PATH).reply(200, "application/json",
                resource("fixtures/krx-openapi/stk_bydd_trd_20240105_excerpt.json"));
        await(krx.dailyTrading(KrxMarket.KOSPI, PAST_DAY));
        KrxClient restarted = client(new InMemoryMarketCacheStore(32L << 20, clock), store);
        assertThat(await(restarted.dailyTrading(KrxMarket.KOSPI, PAST_DAY)).value()).hasSize(4);
        assertThat(server.count("POST", PATH)).isEqualTo(1);
    }

    @Test
    @DisplayName("keeps a body too large for the memory tier in the durable store only, and answers from there")
    void largeBodyFromTheDurableStore() {
        server.on("POST", PATH).reply(200, "application/json",
                resource("fixtures/krx-openapi/stk_bydd_trd_20240105_excerpt.json"));
        InMemoryMarketCacheStore smallMemory = new InMemoryMarketCacheStore(1_024, clock);
        KrxClient tight = client(smallMemory, store);

        await(tight.dailyTrading(KrxMarket.KOSPI, PAST_DAY));
        var again = await(tight.dailyTrading(KrxMarket.KOSPI, PAST_DAY));

        assertThat(smallMemory.size()).isZero();
        assertThat(store.size()).isEqualTo(1);
        assertThat(again.value()).hasSize(4);
        assertThat(again.fetch().fromCache()).isTrue();
        assertThat(server.count("POST", PATH)).isEqualTo(1);
    }

    @Test
    @DisplayName("does not keep error answers")
    void errorsNotCached() {
        server.on("POST", PATH)
                .reply(401, "application/json", resource("fixtures/krx-openapi/401_unauthorized_key.json"))
                .reply(200, "application/json", resource("fixtures/krx-openapi/stk_bydd_trd_20240105_excerpt.json"));
        assertThat(krx.dailyTrading(KrxMarket.KOSPI, PAST_DAY).transform(Future::succeededFuture)
                .toCompletionStage().toCompletableFuture().join().failed()).isTrue();
        assertThat(await(krx.dailyTrading(KrxMarket.KOSPI, PAST_DAY)).value()).hasSize(4);
        assertThat(server.count("POST", PATH)).isEqualTo(2);
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    @DisplayName("lets 20 identical concurrent requests share one upstream call")
    void singleFlight() {
        server.on("POST", PATH).delayed(Duration.ofMillis(200), 200, "application/json",
                resource("fixtures/krx-openapi/stk_bydd_trd_20240105_excerpt.json"));
        List<Future<?>> all = new ArrayList<>();
        Future<Void> done = Future.future(promise -> vertx.runOnContext(v -> {
            for (int i = 0; i < 20; i++) {
                all.add(krx.dailyTrading(KrxMarket.KOSPI, PAST_DAY));
            }
            Future.all(all).onComplete(r -> promise.complete());
        }));
        await(done);
        assertThat(all).hasSize(20).allSatisfy(f -> assertThat(f.succeeded()).isTrue());
        assertThat(server.count("POST", PATH)).isEqualTo(1);
    }

    @Test
    @DisplayName("expires short-lived entries (today's data) and purges them")
    void expiry() {
        CachedResponse entry = CachedResponse.of("krx", "key", new UpstreamResponse(200, java.util.Map.of(),
                io.vertx.core.buffer.Buffer.buffer("{}"), clock.instant(), null, false), clock.instant().plusSeconds(300));
        assertThat(entry.freshAt(clock.instant().plusSeconds(299))).isTrue();
        assertThat(entry.freshAt(clock.instant().plusSeconds(300))).isFalse();
        CachedResponse stale = CachedResponse.of("krx", "old", new UpstreamResponse(200, java.util.Map.of(),
                io.vertx.core.buffer.Buffer.buffer("{}"), clock.instant(), null, false), clock.instant().minusSeconds(1));
        store.put(entry);
        store.put(stale);
        assertThat(await(store.purgeExpired())).isEqualTo(1);
        assertThat(await(store.get("krx", "key"))).isPresent();
    }
}
