package com.finlens.market;

import static com.finlens.testing.ReplayServer.await;
import static com.finlens.testing.ReplayServer.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.integration.dart.CorpCodeZip;
import com.finlens.integration.dart.DartClient;
import com.finlens.integration.krx.KrxClient;
import com.finlens.integration.krx.KrxMarket;
import com.finlens.integration.upstream.Transport;
import com.finlens.integration.upstream.UpstreamResponse;
import com.finlens.integration.yahoo.YahooClient;
import com.finlens.market.cache.InMemoryMarketCacheStore;
import com.finlens.testing.ReplayServer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every call the market adapters make to DART, KRX and Yahoo, built as the module builds a live source
 * ({@link LiveSource}: cache and single flight over rate limit, breaker, retries and HTTP) against replay servers
 * that answer after a delay, so all 100 identical requests are in flight together: each distinct upstream request
 * must arrive once. Half the requests start on one event loop and half on another, as two HTTP verticles would.
 */
@DisplayName("100 identical concurrent requests make one upstream call")
class IdenticalUpstreamRequestsTest {

    private static final int IDENTICAL = 100;
    private static final Duration UPSTREAM_DELAY = Duration.ofMillis(300);
    private static final Clock CLOCK = Clock.systemUTC();
    private static final String JSON = "application/json";
    private static final String SAMSUNG = "00126380";

    private static Vertx vertx;
    private static ReplayServer upstream;
    private static ReplayServer cookieHost;
    private static WorkerExecutor worker;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        upstream = ReplayServer.start(vertx);
        cookieHost = ReplayServer.start(vertx);
        worker = vertx.createSharedWorkerExecutor("identical-upstream-test", 2);
    }

    @AfterAll
    static void stop() {
        upstream.close();
        cookieHost.close();
        worker.close();
        await(vertx.close());
    }

    @BeforeEach
    void reset() {
        upstream.reset();
        cookieHost.reset();
    }

    private static Transport live(String system, ReplayServer host, Predicate<UpstreamResponse> storable) {
        InMemoryMarketCacheStore memory = new InMemoryMarketCacheStore(32L << 20, CLOCK);
        return new LiveSource(system, host.baseUrl(), Duration.ofSeconds(10), 5, 10, 1_000_000, ZoneId.of("UTC"),
                "test-agent").cached(vertx, memory, memory, storable, worker, CLOCK);
    }

    private static DartClient dartClient() {
        return new DartClient(live(DartClient.SYSTEM, upstream, DartClient::storable), "test-key", worker);
    }

    private static YahooClient yahooClient() {
        Transport cookie = new LiveSource("yahoo-cookie", cookieHost.baseUrl(), Duration.ofSeconds(10), 1, 2,
                10_000, ZoneId.of("UTC"), "test-agent").resilient(vertx, CLOCK);
        return new YahooClient(live(YahooClient.SYSTEM, upstream, YahooClient::storable), cookie, "test-agent",
                CLOCK);
    }

    private static void slowly(String method, String path, String body) {
        upstream.on(method, path).delayed(UPSTREAM_DELAY, 200, JSON, body);
    }

    /** Starts every call before the first can finish, on two event loops; all must succeed. */
    private static void fireIdentical(Supplier<Future<?>> call) {
        List<Context> loops = List.of(vertx.getOrCreateContext(), vertx.getOrCreateContext());
        List<Future<?>> calls = new ArrayList<>();
        for (Context loop : loops) {
            Promise<List<Future<?>>> started = Promise.promise();
            loop.runOnContext(v -> {
                List<Future<?>> mine = new ArrayList<>();
                for (int i = 0; i < IDENTICAL / loops.size(); i++) {
                    mine.add(call.get());
                }
                started.complete(mine);
            });
            calls.addAll(await(started.future()));
        }
        await(Future.all(calls));
        assertThat(calls).hasSize(IDENTICAL).allMatch(Future::succeeded);
    }

    @Test
    @DisplayName("DART: the corp code list, a company, a disclosure list, key and full statements")
    void dart() throws IOException {
        byte[] corpCodes = CorpCodeZip.of(resource("fixtures/opendart/CORPCODE.excerpt.xml"));
        upstream.on("GET", "/api/corpCode.xml").custom((request, body, response) ->
                vertx.setTimer(UPSTREAM_DELAY.toMillis(), t -> response.putHeader("Content-Type",
                        "application/x-msdownload").end(Buffer.buffer(corpCodes))));
        slowly("GET", "/api/company.json", resource("fixtures/opendart/company_samsung.json"));
        slowly("GET", "/api/list.json", resource("fixtures/opendart/list_samsung.json"));
        slowly("GET", "/api/fnlttSinglAcnt.json", resource("fixtures/opendart/fnlttSinglAcnt.json"));
        slowly("GET", "/api/fnlttSinglAcntAll.json", resource("fixtures/opendart/fnlttSinglAcntAll.json"));
        DartClient dart = dartClient();

        fireIdentical(dart::corpCodes);
        fireIdentical(() -> dart.company(SAMSUNG));
        fireIdentical(() -> dart.disclosures(SAMSUNG, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31), null, 1,
                100, false));
        fireIdentical(() -> dart.keyAccounts(SAMSUNG, 2024, "11011"));
        fireIdentical(() -> dart.allAccounts(SAMSUNG, 2024, "11011", "CFS"));

        for (String path : List.of("/api/corpCode.xml", "/api/company.json", "/api/list.json",
                "/api/fnlttSinglAcnt.json", "/api/fnlttSinglAcntAll.json")) {
            assertThat(upstream.count("GET", path)).as(path).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("KRX: a market's daily trading list")
    void krx() {
        slowly("POST", "/svc/apis/sto/stk_bydd_trd", resource("fixtures/krx-openapi/stk_bydd_trd_20240105_excerpt.json"));
        KrxClient krx = new KrxClient(live(KrxClient.SYSTEM, upstream, KrxClient::storable), "test-key", CLOCK, worker);

        fireIdentical(() -> krx.dailyTrading(KrxMarket.KOSPI, LocalDate.of(2024, 1, 5)));

        assertThat(upstream.count("POST", "/svc/apis/sto/stk_bydd_trd")).isEqualTo(1);
    }

    @Test
    @DisplayName("Yahoo: a .KS chart, a quote with its cookie and crumb handshake, a search, the income statement")
    void yahoo() {
        cookieHost.on("GET", "/").delayed(UPSTREAM_DELAY, 404, "text/html", "Not Found");
        slowly("GET", "/v1/test/getcrumb", resource("fixtures/yahoo/getcrumb.body.txt"));
        slowly("GET", "/v8/finance/chart/005930.KS", resource("fixtures/yahoo/history_chart_AAPL.json"));
        slowly("GET", "/v7/finance/quote", resource("fixtures/yahoo/quote_v7_AAPL.json"));
        slowly("GET", "/v1/finance/search", resource("fixtures/yahoo/search_v1_apple.json"));
        slowly("GET", "/ws/fundamentals-timeseries/v1/finance/timeseries/AAPL",
                resource("fixtures/yahoo/timeseries_income_statement_annual_AAPL.json"));
        YahooClient yahoo = yahooClient();

        fireIdentical(() -> yahoo.chart("005930.KS", LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 31), "1d"));
        fireIdentical(() -> yahoo.quote("AAPL"));
        fireIdentical(() -> yahoo.search("apple"));
        fireIdentical(() -> yahoo.annualIncomeStatement("AAPL", LocalDate.of(2020, 1, 1), LocalDate.of(2025, 1, 1)));

        assertThat(cookieHost.count("GET", "/")).isEqualTo(1);
        for (String path : List.of("/v1/test/getcrumb", "/v8/finance/chart/005930.KS", "/v7/finance/quote",
                "/v1/finance/search", "/ws/fundamentals-timeseries/v1/finance/timeseries/AAPL")) {
            assertThat(upstream.count("GET", path)).as(path).isEqualTo(1);
        }
    }
}
