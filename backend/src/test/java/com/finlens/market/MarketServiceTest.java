package com.finlens.market;

import static com.finlens.testing.ReplayServer.await;
import static com.finlens.testing.ReplayServer.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.finlens.integration.dart.DartClient;
import com.finlens.integration.krx.KrxClient;
import com.finlens.integration.upstream.SnapshotTransport;
import com.finlens.integration.upstream.Transport;
import com.finlens.integration.upstream.WebClientTransport;
import com.finlens.integration.yahoo.YahooClient;
import com.finlens.market.calendar.KrxCalendar;
import com.finlens.testing.ReplayServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.client.WebClient;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Market service")
class MarketServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-20T08:00:00Z"), ZoneOffset.UTC);
    private static Vertx vertx;
    private static WorkerExecutor worker;
    private static CompanyDirectory directory;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        worker = vertx.createSharedWorkerExecutor("market-service-test", 1);
        directory = SnapshotDirectory.shared();
    }

    @AfterAll
    static void stop() {
        worker.close();
        await(vertx.close());
    }

    private static MarketServices service(Transport dart, Transport krx, Transport yahoo, Transport cookie) {
        return TestMarkets.services(directory, new DartClient(dart, "dart-key", worker),
                new KrxClient(krx, "krx-key", CLOCK, worker), new YahooClient(yahoo, cookie, "test-agent", CLOCK), CLOCK);
    }

    private static MarketCompany company(String id) {
        return directory.byKrxCode(id).or(() -> directory.bySymbol(id)).orElseThrow();
    }

    @Nested
    @DisplayName("offline, from the bundled snapshot")
    class Offline {

        private final MarketServices service = service(SnapshotTransport.load(vertx, "dart"),
                SnapshotTransport.load(vertx, "krx"), SnapshotTransport.load(vertx, "yahoo"),
                SnapshotTransport.load(vertx, "yahoo-cookie"));

        @Test
        @DisplayName("profiles Samsung Electronics with DART registry facts and the last close the offline data has")
        void profile() {
            MarketResult<CompanyProfile> r = await(service.profiles().profile(company("005930")));
            assertThat(r.data().legalName()).isEqualTo("삼성전자(주)");
            assertThat(r.data().latestPrice().date()).isEqualTo(LocalDate.of(2026, 8, 20));
            assertThat(r.data().latestPrice().close()).isEqualByComparingTo("271000");
            assertThat(r.sourcesAnswered()).containsExactlyInAnyOrder("dart", "yfinance export, dividend-adjusted prices");
            assertThat(r.provenance()).allSatisfy(p -> assertThat(p.snapshotRecordedOn()).isNotNull());
            assertThat(r.provenance()).anySatisfy(p -> assertThat(p.describe())
                    .contains("yfinance export, dividend-adjusted prices").contains("2026-08-20"));
        }

        @Test
        @DisplayName("gives the Q1 2020 statements, consolidated, labelled CFS")
        void quarterlyFinancials() {
            MarketResult<FinancialStatements> r = await(service.financials().financials(company("005930"), 2020, ReportCode.Q1, false));
            assertThat(r.data().basis()).isEqualTo("CFS");
            assertThat(r.data().lines()).hasSize(13);
            FinancialLine revenue = r.data().lines().stream().filter(l -> l.account().equals("매출액")).findFirst()
                    .orElseThrow();
            assertThat(revenue.amount()).isEqualByComparingTo("55325178000000");
            assertThat(r.provenance()).singleElement().satisfies(p -> {
                assertThat(p.basis()).isEqualTo("CFS");
                assertThat(p.asOf()).contains("FY2020").contains("11013");
                assertThat(p.snapshotRecordedOn()).isEqualTo(LocalDate.of(2020, 5, 15));
            });
        }

        @Test
        @DisplayName("gives the FY2023 annual key accounts, and the full statements for a year only they cover")
        void annualFinancials() {
            MarketResult<FinancialStatements> key = await(service.financials().financials(company("005930"), 2023,
                    ReportCode.ANNUAL, false));
            assertThat(key.data().basis()).isEqualTo("CFS");
            assertThat(key.data().lines()).anySatisfy(l -> {
                assertThat(l.account()).isEqualTo("매출액");
                assertThat(l.amount()).isEqualByComparingTo("258935494000000");
            });
            MarketResult<FinancialStatements> full = await(service.financials().financials(company("005930"), 2022,
                    ReportCode.ANNUAL, false));
            assertThat(full.data().basis()).isEqualTo("CFS");
            assertThat(full.data().lines()).anySatisfy(l -> {
                assertThat(l.accountId()).isEqualTo("ifrs-full_Revenue");
                assertThat(l.amount()).isEqualByComparingTo("302231360000000");
            });
        }

        @Test
        @DisplayName("lists the recorded filings and says that DART reported more than the recording holds")
        void disclosures() {
            MarketResult<DisclosureList> r = await(service.disclosures().disclosures(company("005930"), LocalDate.of(2024, 1, 1),
                    LocalDate.of(2024, 3, 12)));
            assertThat(r.data().items()).extracting(Disclosure::receiptNo)
                    .containsExactly("20240131800110", "20240131000326");
            assertThat(r.data().totalCount()).isEqualTo(15);
            assertThat(r.data().truncated()).isTrue();
        }

        @Test
        @DisplayName("answers how Apple's revenue changed in its last fiscal year")
        void appleRevenue() {
            MarketResult<FinancialStatements> r = await(service.financials().financials(company("AAPL"), null, null, false));
            assertThat(r.data().periodEnd()).isEqualTo("2024-09-30");
            FinancialLine revenue = r.data().lines().get(0);
            assertThat(revenue.account()).isEqualTo("Total revenue");
            assertThat(revenue.amount()).isEqualByComparingTo("391035000000");
            assertThat(revenue.priorAmount()).isEqualByComparingTo("383285000000");
            assertThat(r.data().currency()).isEqualTo("USD");
            assertThat(r.sourcesAnswered()).containsExactly("yahoo");
        }

        @Test
        @DisplayName("gives Apple's daily history from the recorded chart")
        void applePrices() {
            MarketResult<PriceSeries> r = await(service.prices().prices(company("AAPL"), LocalDate.of(2025, 9, 1),
                    LocalDate.of(2025, 9, 30), "1d"));
            assertThat(r.data().bars()).hasSizeGreaterThan(15).allSatisfy(b -> assertThat(b.source()).isEqualTo("yahoo"));
            assertThat(r.data().currency()).isEqualTo("USD");
            assertThat(r.sourcesFailed()).isEmpty();
        }

        @Test
        @DisplayName("serves Korean daily prices from the pykrx export, the KRX recording winning on its day")
        void datasetPrices() {
            MarketResult<PriceSeries> r = await(service.prices().prices(company("005930"), LocalDate.of(2024, 1, 2),
                    LocalDate.of(2024, 1, 5), "1d"));
            assertThat(r.data().bars()).extracting(PriceBar::source)
                    .containsExactly("pykrx-invest-kr", "pykrx-invest-kr", "pykrx-invest-kr", "krx");
            assertThat(r.data().bars().get(3).close()).isEqualByComparingTo("76600");
            assertThat(r.data().bars().get(3).marketCap()).isEqualTo(457_285_343_330_000L);
            assertThat(r.data().missingDays()).isEmpty();
            assertThat(r.sourcesAnswered()).containsExactlyInAnyOrder("pykrx export, adjusted prices", "krx");
            assertThat(service.prices().priceToday(company("000660"))).isEqualTo(LocalDate.of(2026, 8, 21));
            assertThat(service.prices().priceToday(company("005380"))).isEqualTo(LocalDate.of(2025, 6, 16));
        }

        @Test
        @DisplayName("reports the days the offline data lacks instead of returning a silently thinner series")
        void degradedPrices() {
            MarketResult<PriceSeries> r = await(service.prices().prices(company("066570"), LocalDate.of(2024, 1, 2),
                    LocalDate.of(2024, 1, 5), "1d"));
            assertThat(r.data().bars()).singleElement().satisfies(b -> {
                assertThat(b.date()).isEqualTo(LocalDate.of(2024, 1, 5));
                assertThat(b.source()).isEqualTo("krx");
            });
            assertThat(r.data().missingDays()).containsExactly(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3),
                    LocalDate.of(2024, 1, 4));
            assertThat(r.sourcesAnswered()).containsExactly("krx");
            assertThat(r.sourcesFailed()).extracting(SourceFailure::source, SourceFailure::kind)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("krx", "NOT_IN_SNAPSHOT"),
                            org.assertj.core.groups.Tuple.tuple("yahoo", "NOT_IN_SNAPSHOT"));
        }
    }

    @Nested
    @DisplayName("against replayed live sources")
    class Live {

        private static final String KOSPI = "/svc/apis/sto/stk_bydd_trd";
        private ReplayServer dart;
        private ReplayServer krx;
        private ReplayServer yahoo;
        private MarketServices service;

        @BeforeEach
        void start() {
            dart = ReplayServer.start(vertx);
            krx = ReplayServer.start(vertx);
            yahoo = ReplayServer.start(vertx);
            WebClient client = WebClient.create(vertx);
            service = service(http("dart", client, dart), http("krx", client, krx), http("yahoo", client, yahoo),
                    http("yahoo-cookie", client, yahoo));
        }

        @org.junit.jupiter.api.AfterEach
        void stop() {
            dart.close();
            krx.close();
            yahoo.close();
        }

        private Transport http(String system, WebClient client, ReplayServer server) {
            return new WebClientTransport(system, client, server.baseUrl(), Duration.ofSeconds(5), CLOCK);
        }

        @Test
        @DisplayName("falls back to Yahoo when KRX shows its login wall, and says so")
        void fallbackToYahoo() {
            krx.on("POST", KOSPI).reply(400, "text/html", resource("fixtures/krx/getJsonData_400_LOGOUT.txt"));
            // No Korean chart recording exists: the recorded GS2C.DE chart stands in for 005930.KS.
            yahoo.on("GET", "/v8/finance/chart/005930.KS").reply(200, "application/json",
                    resource("fixtures/yahoo/history_chart_GS2C.DE.json"));
            MarketResult<PriceSeries> r = await(service.prices().prices(company("005930"), LocalDate.of(2025, 10, 27),
                    LocalDate.of(2025, 10, 31), "1d"));
            assertThat(r.data().bars()).isNotEmpty().allSatisfy(b -> assertThat(b.source()).isEqualTo("yahoo"));
            assertThat(r.sourcesAnswered()).containsExactly("yahoo");
            assertThat(r.sourcesFailed()).singleElement().satisfies(f -> {
                assertThat(f.source()).isEqualTo("krx");
                assertThat(f.kind()).isEqualTo("LOGIN_WALL");
            });
            assertThat(yahoo.received().get(0).path()).isEqualTo("/v8/finance/chart/005930.KS");
        }

        @Test
        @DisplayName("fails with every source's reason when KRX and Yahoo both fail")
        void allSourcesFail() {
            krx.on("POST", KOSPI).reply(401, "application/json", resource("fixtures/krx-openapi/401_unauthorized_key.json"));
            yahoo.on("GET", "/v8/finance/chart/005930.KS").reply(404, "application/json",
                    resource("fixtures/yahoo/chart_404_unknown_symbol.json"));
            assertThatThrownBy(() -> await(service.prices().prices(company("005930"), LocalDate.of(2024, 1, 2),
                    LocalDate.of(2024, 1, 5), "1d"))).rootCause()
                    .isInstanceOfSatisfying(MarketDataUnavailable.class, e -> {
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.failures()).extracting(SourceFailure::source, SourceFailure::kind)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple("krx", "UNAUTHORIZED"),
                                        org.assertj.core.groups.Tuple.tuple("yahoo", "NOT_FOUND"));
                    });
        }

        @Test
        @DisplayName("answers 404, not 503, when Yahoo says the symbol has no data (its real 404 body)")
        void unknownSymbol() {
            yahoo.on("GET", "/v8/finance/chart/ZZZZQ").reply(404, "application/json",
                    resource("fixtures/yahoo/chart_404_unknown_symbol.json"));
            MarketCompany unknown = await(service.resolver().companyForSymbol("ZZZZQ"));
            assertThatThrownBy(() -> await(service.prices().prices(unknown, LocalDate.of(2024, 1, 2),
                    LocalDate.of(2024, 1, 5), "1d"))).rootCause()
                    .isInstanceOfSatisfying(MarketDataNotFound.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.detail()).contains("No data found, symbol may be delisted");
                    });
        }

        @Test
        @DisplayName("asks DART for one filing type, pages through the list and lists each filing once")
        void disclosureType() {
            dart.on("GET", "/api/list.json").reply(200, "application/json", resource("fixtures/opendart/list_samsung.json"));
            MarketResult<DisclosureList> r = await(service.disclosures().disclosures(company("005930"), LocalDate.of(2024, 1, 1),
                    LocalDate.of(2024, 1, 31), "I"));
            assertThat(r.data().items()).hasSize(2);
            ReplayServer.Received request = dart.received().get(0);
            assertThat(request.query().get("pblntf_ty")).isEqualTo("I");
            assertThat(request.query().get("corp_code")).isEqualTo("00126380");
            assertThat(request.query().get("page_count")).isEqualTo("100");
            assertThat(dart.received()).extracting(q -> q.query().get("page_no")).containsExactly("1", "2", "3");
            assertThat(r.data().truncated()).isTrue();
        }

        @Test
        @DisplayName("asks Yahoo search for names the directory does not know")
        void yahooSearchFallback() {
            yahoo.on("GET", "/v1/finance/search").reply(200, "application/json",
                    resource("fixtures/yahoo/search_v1_apple.json"));
            Resolution r = await(service.resolver().resolve("Apple Hospitality"));
            assertThat(r.best().company().yahooSymbol()).isEqualTo("AAPL");
            assertThat(r.best().matchedBy()).isEqualTo("yahooSearch");
            assertThat(r.alternatives()).extracting(c -> c.company().yahooSymbol()).contains("APLE");
            assertThat(r.ambiguous()).isTrue();
            assertThat(yahoo.received().get(0).query().get("q")).isEqualTo("Apple Hospitality");
        }

        @Test
        @DisplayName("treats DART 013 as no statements, not as a failure")
        void noStatements() {
            dart.on("GET", "/api/fnlttSinglAcnt.json").reply(200, "application/json",
                    resource("fixtures/opendart/status_013_no_data.json"));
            MarketResult<FinancialStatements> r = await(service.financials().financials(company("005930"), 2014, ReportCode.ANNUAL,
                    false));
            assertThat(r.data().lines()).isEmpty();
            assertThat(r.data().basis()).isNull();
            assertThat(r.sourcesFailed()).isEmpty();
            assertThat(r.sourcesAnswered()).containsExactly("dart");
        }

        @Test
        @DisplayName("falls back from consolidated to separate statements and labels them OFS")
        void separateFallback() {
            dart.on("GET", "/api/fnlttSinglAcntAll.json").whenQuery("fs_div", "CFS").reply(200, "application/json",
                    resource("fixtures/opendart/status_013_no_data.json"));
            dart.on("GET", "/api/fnlttSinglAcntAll.json").whenQuery("fs_div", "OFS").reply(200, "application/json",
                    resource("fixtures/opendart/fnlttSinglAcntAll.json"));
            MarketResult<FinancialStatements> r = await(service.financials().financials(company("005930"), 2023, ReportCode.ANNUAL,
                    true));
            assertThat(r.data().basis()).isEqualTo("OFS");
            assertThat(r.data().lines()).singleElement().satisfies(l -> assertThat(l.amount())
                    .isEqualByComparingTo(new BigDecimal("296857289000000")));
            assertThat(r.provenance()).allSatisfy(p -> assertThat(p.basis()).isEqualTo("OFS"));
        }
    }
}
