package com.finlens.assistant.sources;

import com.finlens.assistant.pipeline.CompanyRef;
import com.finlens.assistant.pipeline.Fact;
import com.finlens.assistant.pipeline.FactKind;
import com.finlens.assistant.pipeline.FactLookup;
import com.finlens.assistant.pipeline.MarketFacts;
import com.finlens.assistant.pipeline.PeriodAsk;
import com.finlens.market.Disclosure;
import com.finlens.market.DisclosureList;
import com.finlens.market.FinancialStatements;
import com.finlens.market.MarketResult;
import com.finlens.market.MarketServices;
import com.finlens.market.PriceBar;
import com.finlens.market.PriceSeries;
import com.finlens.market.Provenance;
import com.finlens.market.ReportCode;
import com.finlens.market.SourceFailure;
import com.finlens.market.SourcePages;
import com.finlens.market.SourcesTried;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Turns the market feature's results into the assistant's facts: each figure with its metric, exact value, unit,
 * period and where it came from, for the period the question names; and, for every lookup, the sources searched,
 * so an answer that lacks a figure can say exactly where it looked.
 */
public final class MarketFactsSource implements MarketFacts {

    private static final int PRICE_WINDOW_DAYS = 30;
    private static final int DISCLOSURE_WINDOW_DAYS = 90;
    private static final int MAX_DISCLOSURES = 8;
    private static final int YEARS_BACK = 3;

    private final MarketServices market;
    private final BiConsumer<com.finlens.market.MarketCompany, List<Disclosure>> rememberDisclosures;
    private final StatementFacts statements = new StatementFacts();

    /** {@code rememberDisclosures} receives the filings found, e.g. to add them to the shared knowledge corpus. */
    public MarketFactsSource(MarketServices market,
                             BiConsumer<com.finlens.market.MarketCompany, List<Disclosure>> rememberDisclosures) {
        this.market = market;
        this.rememberDisclosures = rememberDisclosures;
    }

    @Override
    public Future<List<Fact>> facts(CompanyRef company, FactKind kind) {
        return lookup(company, kind, PeriodAsk.LATEST).map(FactLookup::facts);
    }

    @Override
    public Future<List<Fact>> facts(CompanyRef company, FactKind kind, List<Integer> years) {
        return lookup(company, kind, new PeriodAsk(years, null, null, null, null)).map(FactLookup::facts);
    }

    @Override
    public Future<FactLookup> lookup(CompanyRef company, FactKind kind, PeriodAsk period) {
        return market.resolver().company(company.key()).compose(c -> switch (kind) {
            case PRICE -> prices(c, period);
            case FINANCIALS -> financials(c, period);
            case DISCLOSURES -> disclosures(c, period);
        });
    }

    // ---- prices -------------------------------------------------------------------------------------------------

    private Future<FactLookup> prices(com.finlens.market.MarketCompany c, PeriodAsk period) {
        LocalDate today = market.prices().priceToday(c);
        LocalDate end = period.date() != null ? period.date()
                : !period.yearsAsOf(today).isEmpty() ? min(today, LocalDate.of(period.yearsAsOf(today).get(0), 12, 31))
                : today;
        LocalDate start = end.minusDays(PRICE_WINDOW_DAYS);
        String asked = period.date() != null ? period.date().toString() : start + " – " + end;
        return found(market.prices().prices(c, start, end, "1d"), asked, r -> priceFacts(c, r, period.date()));
    }

    private List<Fact> priceFacts(com.finlens.market.MarketCompany c, MarketResult<PriceSeries> r, LocalDate day) {
        List<PriceBar> bars = r.data().bars().stream().filter(b -> b.close() != null).toList();
        if (day != null) {
            bars = bars.stream().filter(b -> b.date().equals(day)).toList();
        }
        if (bars.isEmpty()) {
            return List.of();
        }
        String currency = r.data().currency();
        List<Fact> facts = new ArrayList<>();
        PriceBar last = bars.get(bars.size() - 1);
        Provenance lastSource = sourceOf(r, last);
        facts.add(priceFact("close", "종가 / close", last.close(), currency, last, lastSource, pageOf(c, last)));
        if (bars.size() > 1) {
            PriceBar first = bars.get(0);
            facts.add(priceFact("close", "종가 / close", first.close(), currency, first, sourceOf(r, first),
                    pageOf(c, first)));
        }
        if (last.volume() != null) {
            facts.add(priceFact("volume", "거래량 / volume", java.math.BigDecimal.valueOf(last.volume()), "shares",
                    last, lastSource, pageOf(c, last)));
        }
        if (last.marketCap() != null) {
            facts.add(priceFact("market_cap", "시가총액 / market cap", java.math.BigDecimal.valueOf(last.marketCap()),
                    currency, last, lastSource, pageOf(c, last)));
        }
        return facts;
    }

    private static Fact priceFact(String metric, String label, java.math.BigDecimal value, String unit, PriceBar bar,
                                  Provenance p, String url) {
        return new Fact(metric, label, Figures.exact(value, unit), value, unit, bar.date().toString(),
                Figures.system(p, bar.source()), p == null ? null : p.endpoint(), url, bar.date().toString());
    }

    /** Where a person checks a bar: Yahoo's price history for Yahoo (and yfinance) bars, else the KRX portal. */
    private static String pageOf(com.finlens.market.MarketCompany c, PriceBar bar) {
        boolean yahoo = bar.source() != null && (bar.source().startsWith("yahoo") || bar.source().startsWith("yfinance"));
        return yahoo && c.yahooSymbol() != null ? SourcePages.yahooQuote(c.yahooSymbol()) + "/history"
                : SourcePages.KRX_DAILY_PRICES;
    }

    /** The provenance entry of the source a bar came from (a dataset's entry names its file). */
    private static Provenance sourceOf(MarketResult<PriceSeries> r, PriceBar bar) {
        return r.provenance().stream().filter(p -> p.source().equals(bar.source())
                || (p.endpoint() != null && p.endpoint().startsWith("datasets/" + bar.source() + "/")))
                .findFirst().orElse(r.provenance().isEmpty() ? null : r.provenance().get(0));
    }

    // ---- financials ---------------------------------------------------------------------------------------------

    private Future<FactLookup> financials(com.finlens.market.MarketCompany c, PeriodAsk period) {
        ReportCode report = report(period);
        List<Integer> years = period.yearsAsOf(market.disclosures().filingsToday());
        if (years.isEmpty()) {
            return latestStatements(c, report, null, 0, new ArrayList<>());
        }
        List<Future<FactLookup>> perYear = years.stream().map(year -> statementsOf(c, year, report)).toList();
        return Future.all(new ArrayList<>(perYear)).map(v -> merge(perYear.stream().map(Future::result).toList()));
    }

    private Future<FactLookup> statementsOf(com.finlens.market.MarketCompany c, Integer year, ReportCode report) {
        String asked = (year == null ? "latest" : "FY" + year) + " " + report.label() + offline(market.days().offlineFilings(),
                market.disclosures().filingsToday());
        return found(market.financials().financials(c, year, report, false), asked, r -> statements.facts(c, r));
    }

    /** The latest statements that exist: this year's may not be filed yet, so step back a few years. */
    private Future<FactLookup> latestStatements(com.finlens.market.MarketCompany c, ReportCode report, Integer year,
                                                int attempt, List<FactLookup> tried) {
        return statementsOf(c, year, report).compose(found -> {
            tried.add(found);
            if (!found.facts().isEmpty() || attempt >= YEARS_BACK) {
                return Future.succeededFuture(merge(tried));
            }
            int base = year != null ? year : market.disclosures().filingsToday().getYear() - 1;
            return latestStatements(c, report, base - 1, attempt + 1, tried);
        });
    }

    private static ReportCode report(PeriodAsk period) {
        if (period.quarter() != null) {
            return switch (period.quarter()) {
                case 1 -> ReportCode.Q1;
                case 2 -> ReportCode.HALF_YEAR;
                case 3 -> ReportCode.Q3;
                default -> ReportCode.ANNUAL;
            };
        }
        return period.half() != null && period.half() == 1 ? ReportCode.HALF_YEAR : ReportCode.ANNUAL;
    }

    // ---- disclosures --------------------------------------------------------------------------------------------

    private Future<FactLookup> disclosures(com.finlens.market.MarketCompany c, PeriodAsk period) {
        LocalDate today = market.disclosures().filingsToday();
        if (!c.korean()) {
            return Future.succeededFuture(new FactLookup(List.of(), List.of(new FactLookup.Searched("Open DART",
                    "filings", "NOT_COVERED"))));
        }
        List<Integer> years = period.yearsAsOf(today);
        int first = years.stream().min(Integer::compare).orElse(0);
        int last = years.stream().max(Integer::compare).orElse(0);
        LocalDate from = years.isEmpty() ? today.minusDays(DISCLOSURE_WINDOW_DAYS) : LocalDate.of(first, 1, 1);
        LocalDate to = years.isEmpty() ? today : min(today, LocalDate.of(last, 12, 31));
        if (to.isBefore(from)) {
            to = from;
        }
        String asked = from + " – " + to + offline(market.days().offlineFilings(), today);
        return found(market.disclosures().disclosures(c, from, to), asked, r -> {
            rememberDisclosures.accept(c, r.data().items());
            return disclosureFacts(r);
        });
    }

    private List<Fact> disclosureFacts(MarketResult<DisclosureList> r) {
        Provenance p = r.provenance().isEmpty() ? null : r.provenance().get(0);
        List<Fact> facts = new ArrayList<>();
        for (Disclosure d : r.data().items().stream().limit(MAX_DISCLOSURES).toList()) {
            facts.add(new Fact("disclosure", d.title(), d.title() + " (" + d.filer() + ")", null, null,
                    d.receivedOn().toString(), Figures.system(p, "Open DART"), p == null ? null : p.endpoint(), d.url(),
                    d.receivedOn().toString()));
        }
        return facts;
    }

    // ---- shared -------------------------------------------------------------------------------------------------

    /**
     * Facts from a market result with the sources that answered; when the market feature says no source had the
     * data (or a source failed), an empty lookup that lists each source and why. Other errors fail the step.
     */
    private <T> Future<FactLookup> found(Future<MarketResult<T>> result, String asked,
                                         Function<MarketResult<T>, List<Fact>> toFacts) {
        return result.map(r -> {
            List<FactLookup.Searched> searched = new ArrayList<>();
            r.provenance().forEach(p -> searched.add(new FactLookup.Searched(Figures.system(p, p.source()), asked,
                    null)));
            r.sourcesFailed().forEach(f -> searched.add(failed(f, asked)));
            return new FactLookup(toFacts.apply(r), searched);
        }).recover(e -> e instanceof SourcesTried tried
                ? Future.succeededFuture(new FactLookup(List.of(),
                        tried.failures().stream().map(f -> failed(f, asked)).toList()))
                : Future.failedFuture(e));
    }

    private static FactLookup.Searched failed(SourceFailure f, String asked) {
        return new FactLookup.Searched(Figures.name(f.source()), asked, f.kind());
    }

    private static FactLookup merge(List<FactLookup> lookups) {
        List<Fact> facts = new ArrayList<>();
        List<FactLookup.Searched> searched = new ArrayList<>();
        for (FactLookup l : lookups) {
            for (Fact f : l.facts()) {
                boolean seen = facts.stream().anyMatch(o -> o.metric().equals(f.metric()) && o.period().equals(f.period()));
                if (!seen) {
                    facts.add(f);
                }
            }
            searched.addAll(l.searched());
        }
        return new FactLookup(facts, searched);
    }

    /** Offline, what was searched says up to which day the bundled data goes. */
    private static String offline(boolean offline, LocalDate asOf) {
        return offline ? ", offline data as of " + asOf : "";
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
