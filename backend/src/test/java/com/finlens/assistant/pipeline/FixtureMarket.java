package com.finlens.assistant.pipeline;

import com.finlens.market.SourcePages;
import com.finlens.testing.ReplayServer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * In-memory company lookup and market facts for tests, built from recorded DART and Yahoo answers the way the
 * market feature maps them: Samsung's Q1 2020 statement (fnlttSinglAcnt), its filings (list.json), Apple's quote
 * and income statement history.
 */
final class FixtureMarket implements CompanyLookup, MarketFacts {

    static final CompanyRef SAMSUNG = new CompanyRef("00126380", "삼성전자", "005930", "KOSPI");
    static final CompanyRef APPLE = new CompanyRef("AAPL", "Apple Inc.", "AAPL", "NASDAQ");
    static final CompanyRef HYUNDAI_MOTOR = new CompanyRef("00164742", "현대자동차", "005380", "KOSPI");
    static final CompanyRef HYUNDAI_MOBIS = new CompanyRef("00164788", "현대모비스", "012330", "KOSPI");

    private static final Map<String, String> DART_METRICS = Map.of(
            "매출액", "revenue", "영업이익", "operating_income", "당기순이익", "net_income");

    private final Set<FactKind> failing = EnumSet.noneOf(FactKind.class);
    private final Set<FactKind> hanging = EnumSet.noneOf(FactKind.class);

    FixtureMarket failing(FactKind kind) {
        failing.add(kind);
        return this;
    }

    FixtureMarket hanging(FactKind kind) {
        hanging.add(kind);
        return this;
    }

    @Override
    public Future<CompanyMatches> resolve(String text) {
        String lower = text.toLowerCase();
        List<CompanyRef> found = new ArrayList<>();
        if (lower.contains("삼성전자") || lower.contains("samsung")) {
            found.add(SAMSUNG);
        }
        if (lower.contains("apple") || lower.contains("애플") || text.contains("AAPL")) {
            found.add(APPLE);
        }
        if (text.contains("현대") && !text.contains("현대자동차") && !text.contains("현대모비스")) {
            return Future.succeededFuture(new CompanyMatches(found,
                    List.of(new CompanyMatches.Ambiguity("현대", List.of(HYUNDAI_MOTOR, HYUNDAI_MOBIS)))));
        }
        return Future.succeededFuture(new CompanyMatches(found, List.of()));
    }

    @Override
    public Future<List<Fact>> facts(CompanyRef company, FactKind kind) {
        if (failing.contains(kind)) {
            return Future.failedFuture(new IllegalStateException("upstream answered 503"));
        }
        if (hanging.contains(kind)) {
            return Promise.<List<Fact>>promise().future();
        }
        if (company.equals(SAMSUNG)) {
            return Future.succeededFuture(switch (kind) {
                case FINANCIALS -> samsungStatement();
                case DISCLOSURES -> samsungFilings();
                case PRICE -> List.of();
            });
        }
        return Future.succeededFuture(switch (kind) {
            case PRICE -> applePrice();
            case FINANCIALS -> appleIncome();
            case DISCLOSURES -> List.of();
        });
    }

    /** Consolidated income statement rows: this quarter and the same quarter a year before. */
    static List<Fact> samsungStatement() {
        JsonArray rows = new JsonObject(ReplayServer.resource("fixtures/opendart/fnlttSinglAcnt_00126380_2020_11013.json"))
                .getJsonArray("list");
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonObject row = rows.getJsonObject(i);
            String metric = DART_METRICS.get(row.getString("account_nm"));
            if (metric == null || !row.getString("fs_div").equals("CFS")) {
                continue;
            }
            String receipt = row.getString("rcept_no");
            String asOf = receipt.substring(0, 4) + "-" + receipt.substring(4, 6) + "-" + receipt.substring(6, 8);
            facts.add(dartFact(metric, row, row.getString("thstrm_amount"), "2020 Q1", receipt, asOf));
            facts.add(dartFact(metric, row, row.getString("frmtrm_amount"), "2019 Q1", receipt, asOf));
        }
        return facts;
    }

    private static Fact dartFact(String metric, JsonObject row, String amount, String period, String receipt,
                                 String asOf) {
        return new Fact(metric, row.getString("account_nm"), amount + " KRW", new BigDecimal(amount.replace(",", "")),
                row.getString("currency"), period, "Open DART", "/api/fnlttSinglAcnt.json",
                SourcePages.dartViewer(receipt), asOf);
    }

    static List<Fact> samsungFilings() {
        JsonArray rows = new JsonObject(ReplayServer.resource("fixtures/opendart/list_samsung.json")).getJsonArray("list");
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonObject row = rows.getJsonObject(i);
            String date = row.getString("rcept_dt");
            String asOf = date.substring(0, 4) + "-" + date.substring(4, 6) + "-" + date.substring(6, 8);
            facts.add(new Fact("disclosure", row.getString("report_nm"), row.getString("report_nm"), null, null, asOf,
                    "Open DART", "/api/list.json", SourcePages.dartViewer(row.getString("rcept_no")), asOf));
        }
        return facts;
    }

    static List<Fact> applePrice() {
        JsonObject quote = new JsonObject(ReplayServer.resource("fixtures/yahoo/quote-AAPL.json"))
                .getJsonObject("quoteResponse").getJsonArray("result").getJsonObject(0);
        BigDecimal price = new BigDecimal(quote.getValue("regularMarketPrice").toString());
        String asOf = Instant.ofEpochSecond(quote.getLong("regularMarketTime")).atZone(ZoneOffset.UTC).toLocalDate().toString();
        return List.of(new Fact("price", "regularMarketPrice", price.toPlainString() + " " + quote.getString("currency"),
                price, quote.getString("currency"), null, "Yahoo Finance", "/v7/finance/quote",
                SourcePages.yahooQuote("AAPL"), asOf));
    }

    static List<Fact> appleIncome() {
        JsonArray years = new JsonObject(ReplayServer.resource("fixtures/yahoo/quoteSummary-incomeStatementHistory-AAPL.json"))
                .getJsonObject("quoteSummary").getJsonArray("result").getJsonObject(0)
                .getJsonObject("incomeStatementHistory").getJsonArray("incomeStatementHistory");
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            JsonObject year = years.getJsonObject(i);
            String end = year.getJsonObject("endDate").getString("fmt");
            String period = "FY" + end.substring(0, 4);
            facts.add(yahooFact("revenue", "totalRevenue", year.getJsonObject("totalRevenue"), period, end));
            facts.add(yahooFact("net_income", "netIncome", year.getJsonObject("netIncome"), period, end));
        }
        return facts;
    }

    private static Fact yahooFact(String metric, String label, JsonObject value, String period, String end) {
        return new Fact(metric, label, value.getString("longFmt") + " USD", new BigDecimal(value.getLong("raw")), "USD",
                period, "Yahoo Finance", "/v10/finance/quoteSummary/AAPL?modules=incomeStatementHistory",
                SourcePages.yahooQuote("AAPL"), end);
    }
}
