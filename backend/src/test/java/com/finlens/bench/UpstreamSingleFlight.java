package com.finlens.bench;

import com.finlens.integration.dart.DartClient;
import com.finlens.integration.krx.KrxClient;
import com.finlens.integration.krx.KrxMarket;
import com.finlens.integration.upstream.SnapshotTransport;
import com.finlens.integration.upstream.Transport;
import com.finlens.integration.upstream.UpstreamRequest;
import com.finlens.integration.upstream.UpstreamResponse;
import com.finlens.integration.yahoo.YahooClient;
import com.finlens.market.cache.CachingTransport;
import com.finlens.market.cache.InMemoryMarketCacheStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Fires {@code identical} identical requests at once through each call of each real market client (DART, KRX,
 * Yahoo) and the cache the app puts in front of every source, over an upstream that answers recorded responses after a delay (so
 * the requests really overlap), and counts the calls that reached the upstream for each distinct request (Yahoo
 * makes three: cookie, crumb, quote). Used by the benchmark and its test.
 */
public final class UpstreamSingleFlight {

    private static final long UPSTREAM_DELAY_MILLIS = 100;
    private static final String SAMSUNG = "00126380";

    private UpstreamSingleFlight() {
    }

    /**
     * Per adapter call ("dart company", "yahoo quote", ...), the most calls any one distinct upstream request
     * received (1 = every request was shared). The market sources only: the embeddings endpoint and RunPod's health
     * check are proved by their tests (QueryCacheTest, RunPodHealthClientTest); model answers, Weaviate searches of
     * one user's documents and uploads are per user and never shared. DART's corp code list is left out here: its
     * 100 callers share one download of the bundled 29 MB list but each parses it (IdenticalUpstreamRequestsTest
     * proves the one call on an excerpt).
     */
    public static Map<String, Integer> probe(Vertx vertx, int identical) throws Exception {
        Clock clock = Clock.systemUTC();
        Map<String, Integer> calls = new LinkedHashMap<>();
        WorkerExecutor worker = vertx.createSharedWorkerExecutor("bench-market", 2);
        try {
            Map<String, Function<DartClient, Future<?>>> dart = new LinkedHashMap<>();
            dart.put("dart company", d -> d.company(SAMSUNG));
            dart.put("dart disclosure list", d -> d.disclosures(SAMSUNG, LocalDate.of(2024, 1, 1),
                    LocalDate.of(2024, 1, 31), null, 1, 100, false));
            dart.put("dart key statements", d -> d.keyAccounts(SAMSUNG, 2024, "11011"));
            dart.put("dart full statements", d -> d.allAccounts(SAMSUNG, 2024, "11011", "CFS"));
            for (Map.Entry<String, Function<DartClient, Future<?>>> call : dart.entrySet()) {
                Counting upstream = new Counting(vertx, SnapshotTransport.load(vertx, DartClient.SYSTEM));
                DartClient client = new DartClient(cached(DartClient.SYSTEM, upstream, clock, worker), "bench-key", worker);
                fire(vertx, identical, () -> call.getValue().apply(client));
                calls.put(call.getKey(), upstream.mostCallsForOneRequest());
            }

            Counting krx = new Counting(vertx, SnapshotTransport.load(vertx, KrxClient.SYSTEM));
            KrxClient krxClient = new KrxClient(cached(KrxClient.SYSTEM, krx, clock, worker), "bench-key", clock, worker);
            fire(vertx, identical, () -> krxClient.dailyTrading(KrxMarket.KOSPI, LocalDate.of(2024, 1, 5)));
            calls.put("krx daily trading", krx.mostCallsForOneRequest());

            Map<String, Function<YahooClient, Future<?>>> yahoo = new LinkedHashMap<>();
            yahoo.put("yahoo chart (005930.KS)", y -> y.chart("005930.KS", LocalDate.of(2024, 1, 2),
                    LocalDate.of(2024, 1, 31), "1d"));
            yahoo.put("yahoo quote (cookie, crumb, quote)", y -> y.quote("AAPL"));
            yahoo.put("yahoo search", y -> y.search("apple"));
            yahoo.put("yahoo income statement", y -> y.annualIncomeStatement("AAPL", LocalDate.of(2020, 1, 1),
                    LocalDate.of(2025, 1, 1)));
            for (Map.Entry<String, Function<YahooClient, Future<?>>> call : yahoo.entrySet()) {
                Counting upstream = new Counting(vertx, SnapshotTransport.load(vertx, YahooClient.SYSTEM));
                Counting cookie = new Counting(vertx, SnapshotTransport.load(vertx, "yahoo-cookie"));
                YahooClient client = new YahooClient(cached(YahooClient.SYSTEM, upstream, clock, worker), cookie,
                        "Finlens-bench", clock);
                fire(vertx, identical, () -> call.getValue().apply(client));
                calls.put(call.getKey(), Math.max(upstream.mostCallsForOneRequest(), cookie.mostCallsForOneRequest()));
            }
        } finally {
            worker.close();
        }
        return calls;
    }

    private static Transport cached(String system, Transport upstream, Clock clock, WorkerExecutor worker) {
        return new CachingTransport(system, upstream, new InMemoryMarketCacheStore(32L << 20, clock),
                new InMemoryMarketCacheStore(32L << 20, clock), response -> true, worker, clock);
    }

    /** All calls start on one event loop before any can finish; waits until every one has settled. */
    private static void fire(Vertx vertx, int identical, Supplier<Future<?>> call) throws Exception {
        Promise<List<Future<?>>> started = Promise.promise();
        vertx.runOnContext(v -> {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < identical; i++) {
                all.add(call.get());
            }
            started.complete(all);
        });
        List<Future<?>> all = started.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        Future.join(new ArrayList<>(all)).otherwiseEmpty().toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    /** The recorded upstream, slowed down, counting what reaches it. */
    private static final class Counting implements Transport {

        private final Vertx vertx;
        private final Transport recorded;
        private final Map<String, AtomicInteger> calls = new java.util.concurrent.ConcurrentHashMap<>();

        Counting(Vertx vertx, Transport recorded) {
            this.vertx = vertx;
            this.recorded = recorded;
        }

        @Override
        public Future<UpstreamResponse> send(UpstreamRequest request) {
            calls.computeIfAbsent(request.cacheKey(), k -> new AtomicInteger()).incrementAndGet();
            Promise<UpstreamResponse> later = Promise.promise();
            vertx.setTimer(UPSTREAM_DELAY_MILLIS, t -> recorded.send(request).onComplete(later));
            return later.future();
        }

        int mostCallsForOneRequest() {
            return calls.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
        }
    }
}
