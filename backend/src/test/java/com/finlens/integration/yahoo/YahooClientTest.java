package com.finlens.integration.yahoo;

import static com.finlens.testing.ReplayServer.await;
import static com.finlens.testing.ReplayServer.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.finlens.integration.upstream.UpstreamException;
import com.finlens.integration.upstream.UpstreamException.Kind;
import com.finlens.integration.upstream.WebClientTransport;
import com.finlens.testing.ReplayServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Yahoo Finance adapter")
class YahooClientTest {

    private static final String JSON = "application/json;charset=utf-8";
    private static Vertx vertx;
    private static ReplayServer api;
    private static ReplayServer cookieHost;
    private YahooClient yahoo;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        api = ReplayServer.start(vertx);
        cookieHost = ReplayServer.start(vertx);
    }

    @AfterAll
    static void stop() {
        api.close();
        cookieHost.close();
        await(vertx.close());
    }

    @BeforeEach
    void fresh() {
        api.reset();
        cookieHost.reset();
        WebClient client = WebClient.create(vertx);
        yahoo = new YahooClient(
                new WebClientTransport("yahoo", client, api.baseUrl(), Duration.ofSeconds(5), Clock.systemUTC()),
                new WebClientTransport("yahoo-cookie", client, cookieHost.baseUrl(), Duration.ofSeconds(5),
                        Clock.systemUTC()), "test-agent", Clock.systemUTC());
    }

    private static String fixture(String name) {
        return resource("fixtures/yahoo/" + name);
    }

    private void handshake() {
        cookieHost.on("GET", "/").reply(404, Map.of("Content-Type", "text/html",
                "Set-Cookie", "A3=d=AQABBKvcsWc; Expires=Sun, 16 Feb 2026 12:40:11 GMT; Path=/; Domain=.yahoo.com"),
                Buffer.buffer("Not Found"));
        api.on("GET", "/v1/test/getcrumb").reply(200, "text/plain", fixture("getcrumb.body.txt"));
    }

    @Test
    @DisplayName("parses a daily chart with dividends, in the exchange's time zone, and sends the window")
    void chart() {
        api.on("GET", "/v8/finance/chart/AAPL").reply(200, JSON, fixture("history_chart_AAPL.json"));
        YahooChart chart = await(yahoo.chart("AAPL", LocalDate.of(2025, 4, 1), LocalDate.of(2025, 10, 31), "1d")).value();
        assertThat(chart.currency()).isEqualTo("USD");
        assertThat(chart.timeZone()).isEqualTo("America/New_York");
        assertThat(chart.bars()).isNotEmpty();
        assertThat(chart.bars().get(0).date()).isEqualTo(LocalDate.of(2025, 4, 30));
        assertThat(chart.dividends()).extracting(YahooChart.Dividend::amount)
                .containsExactly(new BigDecimal("0.26"), new BigDecimal("0.26"));
        assertThat(api.received().get(0).query().get("interval")).isEqualTo("1d");
        assertThat(api.received().get(0).query().get("events")).isEqualTo("div|split");
    }

    @Test
    @DisplayName("keeps only bars inside the window and reads stock splits")
    void chartWindowAndSplit() {
        api.on("GET", "/v8/finance/chart/AAPL").reply(200, JSON, fixture("chart-AAPL-2020-08-31-to-2020-11-07.body.json"));
        YahooChart chart = await(yahoo.chart("AAPL", LocalDate.of(2020, 8, 31), LocalDate.of(2020, 9, 4), "1d")).value();
        assertThat(chart.bars()).extracting(YahooBar::date).containsExactly(LocalDate.of(2020, 8, 31),
                LocalDate.of(2020, 9, 1), LocalDate.of(2020, 9, 2), LocalDate.of(2020, 9, 3), LocalDate.of(2020, 9, 4));
        assertThat(chart.splits()).singleElement().satisfies(s -> {
            assertThat(s.numerator()).isEqualTo(4);
            assertThat(s.denominator()).isEqualTo(1);
            assertThat(s.date()).isEqualTo(LocalDate.of(2020, 8, 31));
        });
    }

    @Test
    @DisplayName("reports an unknown symbol's 404 as not found")
    void unknownSymbol() {
        api.on("GET", "/v8/finance/chart/AAM-U").reply(404, JSON, fixture("chart_404_unknown_symbol.json"));
        assertThatThrownBy(() -> await(yahoo.chart("AAM-U", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 5), "1d")))
                .rootCause().isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
                    assertThat(e.getMessage()).contains("symbol may be delisted");
                });
    }

    @Test
    @DisplayName("reports HTTP 429 with a plain-text body as rate limited")
    void tooManyRequests() {
        api.on("GET", "/v8/finance/chart/AAPL").reply(429, "text/plain", fixture("getcrumb_429_body_observed.txt"));
        assertThatThrownBy(() -> await(yahoo.chart("AAPL", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 5), "1d")))
                .rootCause().isInstanceOfSatisfying(UpstreamException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED));
    }

    @Test
    @DisplayName("parses search hits")
    void search() {
        api.on("GET", "/v1/finance/search").reply(200, JSON, fixture("search_v1_apple.json"));
        List<YahooSearchHit> hits = await(yahoo.search("apple")).value();
        assertThat(hits.get(0).symbol()).isEqualTo("AAPL");
        assertThat(hits.get(0).name()).isEqualTo("Apple Inc.");
        assertThat(hits.get(0).exchange()).isEqualTo("NMS");
    }

    @Test
    @DisplayName("gets a quote after the cookie and crumb handshake")
    void quote() {
        handshake();
        api.on("GET", "/v7/finance/quote").reply(200, JSON, fixture("quote_v7_AAPL.json"));
        YahooQuote quote = await(yahoo.quote("AAPL")).value();
        assertThat(quote.price()).isEqualByComparingTo("269.7");
        assertThat(quote.currency()).isEqualTo("USD");
        ReplayServer.Received crumbCall = api.received().get(0);
        assertThat(crumbCall.headers().get("Cookie")).isEqualTo("A3=d=AQABBKvcsWc");
        ReplayServer.Received quoteCall = api.received().get(1);
        assertThat(quoteCall.query().get("crumb")).isEqualTo("haT3oykhHqZ");
        assertThat(quoteCall.headers().get("Cookie")).isEqualTo("A3=d=AQABBKvcsWc");
    }

    @Test
    @DisplayName("recovers from 401 Invalid Crumb by fetching a new crumb once and retrying once")
    void invalidCrumbRecovery() {
        handshake();
        api.on("GET", "/v7/finance/quote")
                .reply(401, JSON, fixture("quote_v7_401_invalid_crumb.json"))
                .reply(200, JSON, fixture("quote_v7_AAPL.json"));
        assertThat(await(yahoo.quote("AAPL")).value().symbol()).isEqualTo("AAPL");
        assertThat(api.count("GET", "/v1/test/getcrumb")).isEqualTo(2);
        assertThat(api.count("GET", "/v7/finance/quote")).isEqualTo(2);
    }

    @Test
    @DisplayName("gives up after one retry when the crumb keeps being refused")
    void invalidCookieTwice() {
        handshake();
        api.on("GET", "/v7/finance/quote").reply(401, JSON, fixture("quote_v7_401_invalid_cookie.json"));
        assertThatThrownBy(() -> await(yahoo.quote("AAPL"))).rootCause()
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED));
        assertThat(api.count("GET", "/v7/finance/quote")).isEqualTo(2);
    }

    @Test
    @DisplayName("reports an empty quote result as an unknown symbol")
    void unknownQuote() {
        handshake();
        api.on("GET", "/v7/finance/quote").reply(200, JSON, fixture("quote_v7_GS2C.json"));
        assertThatThrownBy(() -> await(yahoo.quote("GS2C"))).rootCause()
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
    }

    @Test
    @DisplayName("reads annual revenue, operating income and net income from the fundamentals timeseries")
    void incomeStatement() {
        api.on("GET", "/ws/fundamentals-timeseries/v1/finance/timeseries/AAPL")
                .reply(200, JSON, fixture("timeseries_income_statement_annual_AAPL.json"));
        List<YahooAnnualFigure> figures = await(yahoo.annualIncomeStatement("AAPL", LocalDate.of(2020, 1, 1),
                LocalDate.of(2025, 1, 1))).value();
        assertThat(figures).filteredOn(f -> f.type().equals("annualTotalRevenue"))
                .extracting(YahooAnnualFigure::value)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("365817000000"), new BigDecimal("394328000000"),
                        new BigDecimal("383285000000"), new BigDecimal("391035000000"));
        assertThat(api.received().get(0).query().get("type"))
                .isEqualTo("annualTotalRevenue,annualOperatingIncome,annualNetIncome");
    }
}
