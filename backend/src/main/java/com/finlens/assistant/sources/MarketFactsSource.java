package com.finlens.assistant.sources;

import com.finlens.assistant.pipeline.CompanyRef;
import com.finlens.assistant.pipeline.Fact;
import com.finlens.assistant.pipeline.FactKind;
import com.finlens.assistant.pipeline.MarketFacts;
import com.finlens.market.Disclosure;
import com.finlens.market.FinancialLine;
import com.finlens.market.FinancialStatements;
import com.finlens.market.MarketResult;
import com.finlens.market.MarketService;
import com.finlens.market.PriceBar;
import com.finlens.market.PriceSeries;
import com.finlens.market.Provenance;
import com.finlens.market.ReportCode;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the market feature's results into the assistant's facts: each figure with its label, exact value, unit,
 * period and where it came from (system, endpoint, a link a person can open, as-of date).
 */
public final class MarketFactsSource implements MarketFacts {

    private static final int PRICE_WINDOW_DAYS = 30;
    private static final int DISCLOSURE_WINDOW_DAYS = 90;
    private static final int MAX_DISCLOSURES = 8;
    private static final int YEARS_BACK = 3;

    private final MarketService market;
    private final SharedDisclosures sharedDisclosures;

    public MarketFactsSource(MarketService market, SharedDisclosures sharedDisclosures) {
        this.market = market;
        this.sharedDisclosures = sharedDisclosures;
    }

    @Override
    public Future<List<Fact>> facts(CompanyRef company, FactKind kind, List<Integer> years) {
        if (kind != FactKind.FINANCIALS || years.isEmpty()) {
            return facts(company, kind);
        }
        return market.company(company.key()).compose(c -> {
            List<Future<List<Fact>>> perYear = years.stream()
                    .map(year -> market.financials(c, year, ReportCode.ANNUAL, false).map(r -> financialFacts(c, r)))
                    .toList();
            return Future.join(new ArrayList<>(perYear)).otherwiseEmpty().compose(v -> {
                List<Fact> found = new ArrayList<>();
                perYear.stream().filter(Future::succeeded).forEach(f -> found.addAll(f.result()));
                // A year with no filing yet still gets the latest figures rather than nothing.
                return found.isEmpty() ? facts(company, kind) : Future.succeededFuture(dedupe(found));
            });
        });
    }

    @Override
    public Future<List<Fact>> facts(CompanyRef company, FactKind kind) {
        return market.company(company.key()).compose(c -> switch (kind) {
            case PRICE -> market.prices(c, market.priceToday(c).minusDays(PRICE_WINDOW_DAYS), market.priceToday(c), "1d")
                    .map(r -> priceFacts(c, r));
            case FINANCIALS -> latestStatements(c, null, 0).map(r -> financialFacts(c, r));
            case DISCLOSURES -> c.korean()
                    ? market.disclosures(c, market.filingsToday().minusDays(DISCLOSURE_WINDOW_DAYS), market.filingsToday())
                    .map(r -> {
                        sharedDisclosures.remember(c, r.data().items());
                        return disclosureFacts(r);
                    })
                    : Future.succeededFuture(List.of());
        });
    }

    /** The latest annual statements that exist: this year's may not be filed yet, so step back a few years. */
    private Future<MarketResult<FinancialStatements>> latestStatements(com.finlens.market.MarketCompany c, Integer year,
                                                                    int attempt) {
        return market.financials(c, year, ReportCode.ANNUAL, false).compose(r -> r.data().lines().isEmpty()
                && attempt < YEARS_BACK ? latestStatements(c, previousYear(c, year, r), attempt + 1)
                : Future.succeededFuture(r), e -> attempt < YEARS_BACK
                ? latestStatements(c, previousYear(c, year, null), attempt + 1) : Future.failedFuture(e));
    }

    private Integer previousYear(com.finlens.market.MarketCompany c, Integer year, MarketResult<FinancialStatements> r) {
        int base = year != null ? year : r != null && r.data().year() > 0 ? r.data().year()
                : market.filingsToday().getYear();
        return base - 1;
    }

    private List<Fact> priceFacts(com.finlens.market.MarketCompany c, MarketResult<PriceSeries> r) {
        List<PriceBar> bars = r.data().bars().stream().filter(b -> b.close() != null).toList();
        if (bars.isEmpty()) {
            return List.of();
        }
        Provenance p = r.provenance().isEmpty() ? null : r.provenance().get(0);
        String currency = r.data().currency();
        String url = priceUrl(c);
        List<Fact> facts = new ArrayList<>();
        PriceBar last = bars.get(bars.size() - 1);
        facts.add(new Fact("price", "close", price(last.close(), currency), last.close(), currency,
                last.date().toString(), system(p, last.source()), endpoint(p), url, last.date().toString()));
        if (bars.size() > 1) {
            PriceBar first = bars.get(0);
            facts.add(new Fact("price", "close", price(first.close(), currency), first.close(), currency,
                    first.date().toString(), system(p, first.source()), endpoint(p), url, first.date().toString()));
        }
        if (last.marketCap() != null) {
            BigDecimal cap = BigDecimal.valueOf(last.marketCap());
            facts.add(new Fact("market_cap", "market cap", money(cap, currency), cap, currency,
                    last.date().toString(), system(p, last.source()), endpoint(p), url, last.date().toString()));
        }
        return facts;
    }

    private List<Fact> financialFacts(com.finlens.market.MarketCompany c, MarketResult<FinancialStatements> r) {
        FinancialStatements s = r.data();
        Provenance p = r.provenance().isEmpty() ? null : r.provenance().get(0);
        String label = (s.basis() == null ? "" : s.basis() + " ") + s.reportName();
        String url = c.korean() ? "https://dart.fss.or.kr/dsab007/main.do?option=corp&textCrpNm="
                + URLEncoder.encode(c.name(), StandardCharsets.UTF_8)
                : "https://finance.yahoo.com/quote/" + c.yahooSymbol() + "/financials";
        List<Fact> facts = new ArrayList<>();
        for (FinancialLine line : s.lines()) {
            // Unknown accounts keep their own name as metric, so a thin report still shows what it does have.
            String metric = metric(line) != null ? metric(line) : "account:" + line.account();
            if (line.amount() != null) {
                facts.add(new Fact(metric, line.account() + " (" + label.strip() + ")", money(line.amount(), s.currency()),
                        line.amount(), s.currency(), period(line.period(), s.year()), system(p, null), endpoint(p),
                        url, p == null ? String.valueOf(s.year()) : p.asOf()));
            }
            if (line.priorAmount() != null) {
                facts.add(new Fact(metric, line.account() + " (" + label.strip() + ")",
                        money(line.priorAmount(), s.currency()), line.priorAmount(), s.currency(),
                        period(line.priorPeriod(), s.year() - 1), system(p, null), endpoint(p), url,
                        p == null ? String.valueOf(s.year()) : p.asOf()));
            }
        }
        return dedupe(facts);
    }

    private List<Fact> disclosureFacts(MarketResult<com.finlens.market.DisclosureList> r) {
        Provenance p = r.provenance().isEmpty() ? null : r.provenance().get(0);
        List<Fact> facts = new ArrayList<>();
        for (Disclosure d : r.data().items().stream().limit(MAX_DISCLOSURES).toList()) {
            facts.add(new Fact("disclosure", d.title(), d.title() + " (" + d.filer() + ")", null, null,
                    d.receivedOn().toString(), system(p, "Open DART"), endpoint(p), d.url(), d.receivedOn().toString()));
        }
        return facts;
    }

    /** Operating income is what Korean readers ask about most; revenue and net income follow. */
    static String metric(FinancialLine line) {
        String id = line.accountId() == null ? "" : line.accountId().toLowerCase(Locale.ROOT);
        String name = line.account() == null ? "" : line.account().replace(" ", "").toLowerCase(Locale.ROOT);
        if (id.contains("operatingincome") || name.equals("영업이익") || name.equals("영업이익(손실)")
                || name.contains("operatingincome")) {
            return "operating_income";
        }
        if (id.endsWith("revenue") || name.equals("매출액") || name.equals("수익(매출액)") || name.contains("totalrevenue")) {
            return "revenue";
        }
        if (id.endsWith("profitloss") || name.equals("당기순이익") || name.equals("당기순이익(손실)")
                || name.contains("netincome")) {
            return "net_income";
        }
        return null;
    }

    private static List<Fact> dedupe(List<Fact> facts) {
        List<Fact> out = new ArrayList<>();
        for (Fact f : facts) {
            boolean seen = out.stream().anyMatch(o -> o.metric().equals(f.metric()) && o.period().equals(f.period()));
            if (!seen) {
                out.add(f);
            }
        }
        return out;
    }

    /** DART names periods "제 55 기"; the fiscal year is what readers (and the question) use. */
    private static String period(String name, int year) {
        if (name == null || name.isBlank() || name.equals(String.valueOf(year))) {
            return String.valueOf(year);
        }
        return name.contains("기") ? year + " (" + name.strip() + ")" : name;
    }

    /** Share prices keep every digit (76,600원), unlike large amounts shown in 조/억. */
    private static String price(BigDecimal amount, String currency) {
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return "KRW".equals(currency) ? format.format(amount) + "원"
                : format.format(amount) + (currency == null ? "" : " " + currency);
    }

    private static String money(BigDecimal amount, String currency) {
        if ("KRW".equals(currency)) {
            // Exact digits; the composer adds the 조/억 reading next to them.
            return price(amount, currency);
        }
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(amount) + (currency == null ? "" : " " + currency);
    }

    private static String system(Provenance p, String fallback) {
        if (p == null) {
            return fallback == null ? "market data" : fallback;
        }
        return p.snapshotRecordedOn() == null ? p.source()
                : p.source() + " (bundled snapshot recorded " + p.snapshotRecordedOn() + ")";
    }

    private static String endpoint(Provenance p) {
        return p == null ? null : p.endpoint();
    }

    private static String priceUrl(com.finlens.market.MarketCompany c) {
        return c.yahooSymbol() != null ? "https://finance.yahoo.com/quote/" + c.yahooSymbol() + "/history"
                : "https://data.krx.co.kr/";
    }
}
