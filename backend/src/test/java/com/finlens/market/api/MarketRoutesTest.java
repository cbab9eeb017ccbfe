package com.finlens.market.api;

import static com.finlens.testing.ReplayServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.integration.dart.DartClient;
import com.finlens.integration.krx.KrxClient;
import com.finlens.integration.upstream.SnapshotTransport;
import com.finlens.integration.yahoo.YahooClient;
import com.finlens.market.MarketServices;
import com.finlens.market.TestMarkets;
import com.finlens.market.calendar.KrxCalendar;
import com.finlens.market.AliasCatalog;
import com.finlens.market.CompanyDirectory;
import com.finlens.market.MentionFinder;
import com.finlens.market.SnapshotDirectory;
import com.finlens.platform.auth.CurrentUser;
import com.finlens.platform.http.ApiException;
import com.finlens.platform.http.ApiRoutes;
import com.finlens.platform.http.Problem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Market API routes")
class MarketRoutesTest {

    private static Vertx vertx;
    private static WorkerExecutor worker;
    private static HttpServer server;
    private static WebClient client;

    /** A stand-in for the platform's router: body handler, test sign-in, routes under /api/v1, problem+json. */
    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        worker = vertx.createSharedWorkerExecutor("routes-test", 1);
        CompanyDirectory directory = SnapshotDirectory.shared();
        MentionFinder finder = new MentionFinder(directory, AliasCatalog.bundled().mentionStopwords());
        Clock clock = Clock.systemUTC();
        MarketServices service = TestMarkets.services(directory,
                new DartClient(SnapshotTransport.load(vertx, "dart"), null, worker),
                new KrxClient(SnapshotTransport.load(vertx, "krx"), null, clock, worker),
                new YahooClient(SnapshotTransport.load(vertx, "yahoo"), SnapshotTransport.load(vertx, "yahoo-cookie"),
                        "test", clock), clock);
        Router root = Router.router(vertx);
        root.route().handler(BodyHandler.create().setBodyLimit(64 * 1024));
        root.route().handler(ctx -> {
            if (ctx.request().getHeader("X-Test-User") != null) {
                CurrentUser.set(ctx, Long.parseLong(ctx.request().getHeader("X-Test-User")));
            }
            ctx.next();
        });
        // Last order: after the test's own handlers, as the server tests its API after its every-request steps.
        new MarketRoutes(service).mount(new ApiRoutes(root, "/api/v1", Integer.MAX_VALUE, RoutingContext::next));
        root.route().failureHandler(ctx -> {
            ApiException e = ctx.failure() instanceof ApiException a ? a
                    : new ApiException(500, "internal", "Internal error", "unexpected");
            ctx.response().setStatusCode(e.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(Problem.of(e, ctx.request().path()).toJson().encode());
        });
        server = await(vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1"));
        client = WebClient.create(vertx);
    }

    @AfterAll
    static void stop() {
        await(server.close());
        worker.close();
        await(vertx.close());
    }

    private static HttpResponse<Buffer> get(String uri) {
        return await(client.get(server.actualPort(), "127.0.0.1", uri).putHeader("X-Test-User", "1").send());
    }

    private static HttpResponse<Buffer> postMentions(Buffer body) {
        return await(client.post(server.actualPort(), "127.0.0.1", "/api/v1/companies/mentions")
                .putHeader("X-Test-User", "1").putHeader("Content-Type", "application/json").sendBuffer(body));
    }

    @Test
    @DisplayName("resolves a query with alternatives")
    void resolve() {
        HttpResponse<Buffer> r = get("/api/v1/companies?q=%EC%82%BC%EC%84%B1%EC%A0%84%EC%9E%90");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject body = r.bodyAsJsonObject();
        assertThat(body.getJsonObject("best").getJsonObject("company").getString("krxCode")).isEqualTo("005930");
        assertThat(body.getJsonObject("best").getJsonObject("company").getString("market")).isEqualTo("KOSPI");
        assertThat(body.getJsonArray("alternatives").stream().map(a -> ((JsonObject) a).getJsonObject("company")
                .getString("krxCode"))).contains("005935");
        assertThat(body.getBoolean("ambiguous")).isFalse();
    }

    @Test
    @DisplayName("serves a profile, prices, filings and statements with provenance")
    void companyData() {
        JsonObject profile = get("/api/v1/companies/005930").bodyAsJsonObject();
        assertThat(profile.getJsonObject("latestPrice").getString("date")).isEqualTo("2026-08-20");
        assertThat(profile.getJsonArray("provenance")).isNotEmpty();
        JsonObject prices = get("/api/v1/companies/005930/prices?from=2024-01-05&to=2024-01-05").bodyAsJsonObject();
        assertThat(prices.getJsonArray("bars").getJsonObject(0).getInteger("close")).isEqualTo(76600);
        assertThat(prices.getJsonArray("sourcesAnswered")).containsExactly("krx");
        assertThat(prices.getJsonArray("bars").getJsonObject(0).getLong("marketCap")).isEqualTo(457_285_343_330_000L);
        JsonObject filings = get("/api/v1/companies/005930/disclosures?from=2024-01-01&to=2024-03-12").bodyAsJsonObject();
        assertThat(filings.getJsonArray("items")).hasSize(2);
        JsonObject statements = get("/api/v1/companies/005930/financials?year=2020&report=q1").bodyAsJsonObject();
        assertThat(statements.getString("basis")).isEqualTo("CFS");
        assertThat(statements.getJsonArray("lines").stream().map(l -> ((JsonObject) l).getString("amountText")))
                .contains("55조 3,252억원");
        JsonObject provenance = statements.getJsonArray("provenance").getJsonObject(0);
        assertThat(provenance.getString("snapshotRecordedOn")).isEqualTo("2020-05-15");
        assertThat(provenance.getString("basis")).isEqualTo("CFS");
    }

    @Test
    @DisplayName("serves a non-Korean symbol's history")
    void quoteHistory() {
        HttpResponse<Buffer> r = get("/api/v1/quotes/AAPL/history?from=2025-10-01&to=2025-10-29");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.bodyAsJsonObject().getJsonArray("bars")).isNotEmpty();
        assertThat(r.bodyAsJsonObject().getString("currency")).isEqualTo("USD");
    }

    @Test
    @DisplayName("answers 404 naming the sources searched when the offline data has no such symbol")
    void notInOfflineData() {
        HttpResponse<Buffer> r = get("/api/v1/quotes/MSFT/history?from=2025-10-01&to=2025-10-29");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.getHeader("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
        JsonObject problem = r.bodyAsJsonObject();
        assertThat(problem.getString("type")).endsWith("market-data-not-found");
        assertThat(problem.getJsonArray("sourcesSearched").getJsonObject(0).getString("kind")).isEqualTo("NOT_IN_SNAPSHOT");
    }

    @Test
    @DisplayName("finds mentions with positions in posted text")
    void mentions() {
        HttpResponse<Buffer> r = postMentions(new JsonObject().put("text", "오늘 삼성전자와 Apple 주가").toBuffer());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonArray mentions = r.bodyAsJsonObject().getJsonArray("mentions");
        assertThat(mentions).hasSize(2);
        assertThat(mentions.getJsonObject(0).getInteger("start")).isEqualTo(3);
        assertThat(mentions.getJsonObject(0).getInteger("end")).isEqualTo(7);
        assertThat(mentions.getJsonObject(1).getJsonObject("company").getString("yahooSymbol")).isEqualTo("AAPL");
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @DisplayName("rejects bad parameters with problem+json naming the parameter")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/companies                                         | q
            /api/v1/companies?q=                                      | q
            /api/v1/companies/ABC/prices                              | krxCode
            /api/v1/companies/005930/prices?from=2024-13-01           | from
            /api/v1/companies/005930/prices?to=yesterday              | to
            /api/v1/companies/005930/prices?from=2024-02-01&to=2024-01-01 | from
            /api/v1/companies/005930/prices?interval=5m               | interval
            /api/v1/companies/005930/disclosures?from=20240101        | from
            /api/v1/companies/005930/disclosures?type=Z               | type
            /api/v1/companies/005930/financials?year=20x3             | year
            /api/v1/companies/005930/financials?year=1800             | year
            /api/v1/companies/005930/financials?report=q5             | report
            /api/v1/companies/005930/financials?detail=everything     | detail
            /api/v1/companies/AAPL1/financials                        | krxCode
            /api/v1/quotes/005930.KS/history                          | yahooSymbol
            /api/v1/quotes/$$$/history                                | yahooSymbol
            /api/v1/companies/005930/prices?to=-999999999-01-01       | to
            /api/v1/companies/005930/prices?from=-999999999-01-01     | from
            /api/v1/companies/005930/prices?to=%2B999999999-12-31     | to
            /api/v1/companies/005930/disclosures?to=-999999999-01-01  | to
            /api/v1/companies/005930/disclosures?from=0001-01-01&to=0001-01-31 | from
            /api/v1/quotes/AAPL/history?to=-999999999-01-01           | to
            /api/v1/quotes/AAPL/history?from=%2B999999999-12-31       | from
            """)
    void badParameters(String uri, String parameter) {
        HttpResponse<Buffer> r = get(uri);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.getHeader("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
        JsonObject problem = r.bodyAsJsonObject();
        assertThat(problem.getString("parameter")).isEqualTo(parameter);
        assertThat(problem.getString("type")).isEqualTo(Problem.TYPE_BASE + "invalid-parameter");
    }

    @Test
    @DisplayName("rejects a mentions body without text, or with more than 20,000 characters")
    void badMentions() {
        assertThat(postMentions(new JsonObject().put("body", "x").toBuffer()).bodyAsJsonObject().getString("parameter"))
                .isEqualTo("text");
        assertThat(postMentions(Buffer.buffer("not json")).statusCode()).isEqualTo(400);
        HttpResponse<Buffer> tooLong = postMentions(new JsonObject().put("text", "가".repeat(20_001)).toBuffer());
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.bodyAsJsonObject().getString("parameter")).isEqualTo("text");
    }

    @Test
    @DisplayName("answers 404 for a code that is no company")
    void unknownCompany() {
        assertThat(get("/api/v1/companies/999999").statusCode()).isEqualTo(404);
    }
}
