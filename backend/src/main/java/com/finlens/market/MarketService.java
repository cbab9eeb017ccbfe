package com.finlens.market;

import com.finlens.integration.dart.DartAccount;
import com.finlens.integration.dart.DartClient;
import com.finlens.integration.dart.DartCompany;
import com.finlens.integration.dart.DartDisclosure;
import com.finlens.integration.dart.DartDisclosurePage;
import com.finlens.integration.krx.KrxClient;
import com.finlens.integration.krx.KrxDailyRow;
import com.finlens.integration.krx.KrxMarket;
import com.finlens.integration.upstream.Sourced;
import com.finlens.integration.upstream.UpstreamException;
import com.finlens.integration.yahoo.YahooAnnualFigure;
import com.finlens.integration.yahoo.YahooChart;
import com.finlens.integration.yahoo.YahooClient;
import com.finlens.integration.yahoo.YahooQuote;
import com.finlens.integration.yahoo.YahooSearchHit;
import com.finlens.market.calendar.KrxCalendar;
import com.finlens.market.directory.CompanyDirectory;
import com.finlens.market.directory.Hangul;
import com.finlens.market.directory.MentionFinder;
import com.finlens.platform.http.ApiException;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The market-data facade the assistant and the API call. Every answer carries provenance and the lists of sources
 * that answered and failed. Korean prices come from KRX with Yahoo (.KS/.KQ) as fallback; Korean filings and
 * statements from DART (consolidated first, separate as fallback, always labelled); US data from Yahoo.
 */
public final class MarketService {

    /** Longest window fetched day by day from KRX (one call per trading day); longer windows use Yahoo. */
    static final int KRX_MAX_TRADING_DAYS = 31;
    private static final int DISCLOSURE_PAGE_SIZE = 100;
    private static final int DISCLOSURE_MAX_PAGES = 3;

    private final Supplier<Future<CompanyDirectory>> directory;
    private final Supplier<Future<MentionFinder>> mentionFinder;
    private final DartClient dart;
    private final KrxClient krx;
    private final YahooClient yahoo;
    private final KrxCalendar calendar;
    private final Clock clock;

    public MarketService(Supplier<Future<CompanyDirectory>> directory, Supplier<Future<MentionFinder>> mentionFinder,
                         DartClient dart, KrxClient krx, YahooClient yahoo, KrxCalendar calendar, Clock clock) {
        this.directory = directory;
        this.mentionFinder = mentionFinder;
        this.dart = dart;
        this.krx = krx;
        this.yahoo = yahoo;
        this.calendar = calendar;
        this.clock = clock;
    }

    // ---- resolution -------------------------------------------------------------------------------------------

    /** Name, abbreviation, code or symbol to a company with ranked alternatives; Yahoo search when we know nothing. */
    public Future<Resolution> resolve(String query) {
        return directory.get().compose(dir -> {
            Resolution local = dir.resolve(query, 5);
            if (local.found() || query == null || query.isBlank() || containsHangul(query)) {
                return Future.succeededFuture(local);
            }
            return yahoo.search(query.trim()).map(hits -> fromYahoo(query.trim(), hits.value()))
                    .otherwise(local);
        });
    }

    /** The company with this KRX code or Yahoo symbol, or a 404. */
    public Future<MarketCompany> company(String krxCodeOrSymbol) {
        return directory.get().map(dir -> dir.byKrxCode(krxCodeOrSymbol.toUpperCase(Locale.ROOT))
                .or(() -> dir.bySymbol(krxCodeOrSymbol))
                .orElseThrow(() -> ApiException.notFound("Company " + krxCodeOrSymbol)));
    }

    /** A Yahoo symbol we may not have in the directory (any US or foreign listing). */
    public Future<MarketCompany> companyForSymbol(String symbol) {
        return directory.get().map(dir -> dir.bySymbol(symbol).orElseGet(() -> new MarketCompany(null, null, symbol, null,
                Market.FOREIGN, symbol.toUpperCase(Locale.ROOT), false, true)));
    }

    public Future<List<Mention>> mentions(String text) {
        if (text.length() > MentionFinder.MAX_TEXT) {
            return Future.failedFuture(ApiException.badRequest("text",
                    "text must be at most " + MentionFinder.MAX_TEXT + " characters"));
        }
        return mentionFinder.get().map(finder -> finder.find(text));
    }

    // ---- profile ------------------------------------------------------------------------------------------------

    public Future<MarketResult<CompanyProfile>> profile(MarketCompany company) {
        SourceLog log = new SourceLog();
        if (!company.korean()) {
            return yahoo.quote(company.yahooSymbol()).map(q -> {
                log.answered(q.fetch(), q.value().marketTime() == null ? "latest" : q.value().marketTime().toString(),
                        "per share", q.value().currency(), null);
                return log.result(new CompanyProfile(company, q.value().name(), null, null, null, null, null, null,
                        latestFromQuote(q.value())));
            }).recover(t -> Future.failedFuture(unavailable("Profile of " + company.name(), log, "yahoo",
                    "GET /v7/finance/quote", t)));
        }
        Future<Optional<DartCompany>> registry = company.dartCorpCode() == null
                ? Future.succeededFuture(Optional.empty())
                : dart.company(company.dartCorpCode()).map(s -> {
                    log.answered(s.fetch(), "registry", null, null, null);
                    return Optional.of(s.value());
                }).otherwise(t -> {
                    log.failed(DartClient.SYSTEM, "GET /api/company.json", t);
                    return Optional.empty();
                });
        Future<Optional<CompanyProfile.LatestPrice>> latest = latestKoreanPrice(company, log);
        return Future.all(registry, latest).map(done -> {
            Optional<DartCompany> r = registry.result();
            MarketCompany refined = refineMarket(company, r.orElse(null));
            return log.result(new CompanyProfile(refined, r.map(DartCompany::name).orElse(null),
                    r.map(DartCompany::ceo).orElse(null), r.map(DartCompany::address).orElse(null),
                    r.map(DartCompany::homepage).orElse(null), r.map(DartCompany::industryCode).orElse(null),
                    r.map(DartCompany::establishedOn).orElse(null), r.map(DartCompany::fiscalMonth).orElse(null),
                    latest.result().orElse(null)));
        });
    }

    private Future<Optional<CompanyProfile.LatestPrice>> latestKoreanPrice(MarketCompany company, SourceLog log) {
        KrxMarket market = krxMarket(company);
        if (market == null) {
            return yahooLatest(company, log);
        }
        LocalDate day = krx.snapshotAsOf().orElseGet(() -> calendar.lastClosedTradingDay(ZonedDateTime.now(clock)));
        return krxRowOnOrBefore(company, market, day, 0, log).compose(row -> {
            if (row.isPresent()) {
                KrxDailyRow r = row.get();
                return Future.succeededFuture(Optional.of(new CompanyProfile.LatestPrice(r.date(), big(r.close()),
                        big(r.change()), r.changeRate(), r.volume(), r.marketCap(), r.listedShares(), "KRW")));
            }
            return yahooLatest(company, log);
        });
    }

    private Future<Optional<KrxDailyRow>> krxRowOnOrBefore(MarketCompany company, KrxMarket market, LocalDate day,
                                                           int attempt, SourceLog log) {
        return krx.dailyTrading(market, day).compose(rows -> {
            Optional<KrxDailyRow> row = rows.value().stream().filter(r -> r.code().equals(company.krxCode())).findFirst();
            if (row.isPresent()) {
                log.answered(rows.fetch(), day.toString(), "KRW per share", "KRW", null);
                return Future.succeededFuture(row);
            }
            if (rows.value().isEmpty() && attempt < 5) {
                return krxRowOnOrBefore(company, market, calendar.previousTradingDay(day), attempt + 1, log);
            }
            log.failed(new SourceFailure(KrxClient.SYSTEM, "POST /svc/apis/sto/" + market.dailyTradingApi(),
                    UpstreamException.Kind.NOT_FOUND.name(), company.krxCode() + " is not in the KRX list of " + day));
            return Future.succeededFuture(Optional.<KrxDailyRow>empty());
        }, t -> {
            log.failed(KrxClient.SYSTEM, "POST /svc/apis/sto/" + market.dailyTradingApi(), t);
            return Future.succeededFuture(Optional.empty());
        });
    }

    private Future<Optional<CompanyProfile.LatestPrice>> yahooLatest(MarketCompany company, SourceLog log) {
        if (company.yahooSymbol() == null) {
            return Future.succeededFuture(Optional.empty());
        }
        return yahoo.quote(company.yahooSymbol()).map(q -> {
            log.answered(q.fetch(), q.value().marketTime() == null ? "latest" : q.value().marketTime().toString(),
                    "per share", q.value().currency(), null);
            return Optional.of(latestFromQuote(q.value()));
        }).otherwise(t -> {
            log.failed(YahooClient.SYSTEM, "GET /v7/finance/quote", t);
            return Optional.empty();
        });
    }

    // ---- prices -------------------------------------------------------------------------------------------------

    /**
     * Prices between two days. Korean daily windows up to {@value #KRX_MAX_TRADING_DAYS} trading days come from
     * KRX, with Yahoo filling days KRX could not give; longer windows, other intervals and US symbols from Yahoo.
     */
    public Future<MarketResult<PriceSeries>> prices(MarketCompany company, LocalDate from, LocalDate to, String interval) {
        SourceLog log = new SourceLog();
        KrxMarket market = krxMarket(company);
        List<LocalDate> days = calendar.tradingDays(from, to);
        if (market == null || !"1d".equals(interval) || days.size() > KRX_MAX_TRADING_DAYS) {
            return yahooPrices(company, from, to, interval, log, new TreeMap<>(), days).compose(series ->
                    series.bars().isEmpty() && !log.failures().isEmpty()
                            ? Future.failedFuture(new MarketDataUnavailable("Prices of " + company.name(), log.failures()))
                            : Future.succeededFuture(log.result(series)));
        }
        List<Future<Optional<KrxDailyRow>>> perDay = new ArrayList<>();
        for (LocalDate day : days) {
            perDay.add(krx.dailyTrading(market, day).map(rows -> {
                Optional<KrxDailyRow> row = rows.value().stream()
                        .filter(r -> r.code().equals(company.krxCode())).findFirst();
                row.ifPresent(r -> log.answered(rows.fetch(), day.toString(), "KRW per share", "KRW", null));
                return row;
            }).otherwise(t -> {
                log.failed(KrxClient.SYSTEM, "POST /svc/apis/sto/" + market.dailyTradingApi(), t);
                return Optional.empty();
            }));
        }
        return Future.join(perDay).compose(done -> {
            TreeMap<LocalDate, PriceBar> bars = new TreeMap<>();
            for (Future<Optional<KrxDailyRow>> f : perDay) {
                f.result().ifPresent(r -> bars.put(r.date(), krxBar(r)));
            }
            if (bars.size() == days.size()) {
                return Future.succeededFuture(log.result(new PriceSeries(company, "KRW", interval,
                        List.copyOf(bars.values()), List.of(), List.of(), List.of())));
            }
            return yahooPrices(company, from, to, interval, log, bars, days).compose(series ->
                    series.bars().isEmpty() && !log.failures().isEmpty()
                            ? Future.failedFuture(new MarketDataUnavailable("Prices of " + company.name(), log.failures()))
                            : Future.succeededFuture(log.result(series)));
        });
    }

    private Future<PriceSeries> yahooPrices(MarketCompany company, LocalDate from, LocalDate to, String interval,
                                            SourceLog log, TreeMap<LocalDate, PriceBar> already, List<LocalDate> days) {
        String currency = company.korean() ? "KRW" : null;
        if (company.yahooSymbol() == null) {
            log.failed(new SourceFailure(YahooClient.SYSTEM, "GET /v8/finance/chart/{symbol}", "NOT_FOUND",
                    "Yahoo has no symbol for " + company.name()));
            return Future.succeededFuture(series(company, currency, interval, already, null, days));
        }
        return yahoo.chart(company.yahooSymbol(), from, to, interval).map(chart -> {
            YahooChart c = chart.value();
            int before = already.size();
            for (var bar : c.bars()) {
                already.putIfAbsent(bar.date(), new PriceBar(bar.date(), bar.open(), bar.high(), bar.low(), bar.close(),
                        bar.adjClose(), bar.volume(), null, null, YahooClient.SYSTEM));
            }
            if (already.size() > before || c.bars().isEmpty()) {
                log.answered(chart.fetch(), from + ".." + to, "per share", c.currency(), null);
            }
            return series(company, c.currency() == null ? currency : c.currency(), interval, already, c, days);
        }).otherwise(t -> {
            log.failed(YahooClient.SYSTEM, "GET /v8/finance/chart/{symbol}", t);
            return series(company, currency, interval, already, null, days);
        });
    }

    private PriceSeries series(MarketCompany company, String currency, String interval, TreeMap<LocalDate, PriceBar> bars,
                               YahooChart chart, List<LocalDate> koreanTradingDays) {
        List<LocalDate> missing = company.korean() && "1d".equals(interval)
                ? koreanTradingDays.stream().filter(d -> !bars.containsKey(d)).toList()
                : List.of();
        List<PriceSeries.Dividend> dividends = chart == null ? List.of()
                : chart.dividends().stream().map(d -> new PriceSeries.Dividend(d.date(), d.amount())).toList();
        List<PriceSeries.Split> splits = chart == null ? List.of()
                : chart.splits().stream().map(s -> new PriceSeries.Split(s.date(), s.numerator(), s.denominator())).toList();
        return new PriceSeries(company, currency, interval, List.copyOf(bars.values()), dividends, splits, missing);
    }

    private static PriceBar krxBar(KrxDailyRow r) {
        return new PriceBar(r.date(), big(r.open()), big(r.high()), big(r.low()), big(r.close()), null, r.volume(),
                r.tradedValue(), r.marketCap(), KrxClient.SYSTEM);
    }

    // ---- disclosures --------------------------------------------------------------------------------------------

    /** DART filings of a Korean company between two days, newest first (at most 300). */
    public Future<MarketResult<DisclosureList>> disclosures(MarketCompany company, LocalDate from, LocalDate to) {
        return disclosures(company, from, to, null);
    }

    /**
     * Filings of one DART type (pblntf_ty: A periodic reports, B major events, C issuance, D shareholdings,
     * E other, F external audit, G funds, H asset-backed, I exchange disclosures, J FTC), or all when null.
     */
    public Future<MarketResult<DisclosureList>> disclosures(MarketCompany company, LocalDate from, LocalDate to,
                                                            String type) {
        if (company.dartCorpCode() == null) {
            return Future.failedFuture(ApiException.notFound("DART filings of " + company.name()));
        }
        SourceLog log = new SourceLog();
        boolean includesToday = !to.isBefore(today());
        return disclosurePages(company, from, to, type, includesToday, 1, new ArrayList<>(), log).map(pages -> {
            Map<String, Disclosure> byReceipt = new LinkedHashMap<>();
            int total = 0;
            for (DartDisclosurePage page : pages) {
                total = Math.max(total, page.totalCount());
                for (DartDisclosure d : page.items()) {
                    // the bundled snapshot answers one recording whatever the window: keep only what was asked for;
                    // a filing that moved between pages while paging is listed once
                    if (!d.receivedOn().isBefore(from) && !d.receivedOn().isAfter(to)) {
                        byReceipt.putIfAbsent(d.receiptNo(), new Disclosure(d.receivedOn(), d.reportName(),
                                d.receiptNo(), d.filer(), d.remarks(), d.viewerUrl()));
                    }
                }
            }
            List<Disclosure> items = new ArrayList<>(byReceipt.values());
            items.sort(Comparator.comparing(Disclosure::receivedOn).reversed().thenComparing(Disclosure::receiptNo,
                    Comparator.reverseOrder()));
            int fetched = pages.stream().mapToInt(p -> p.items().size()).sum();
            return log.result(new DisclosureList(company, from, to, Math.max(total, items.size()), List.copyOf(items),
                    total > fetched));
        }).recover(t -> t instanceof ApiException ? Future.failedFuture(t) : Future.failedFuture(
                new MarketDataUnavailable("Filings of " + company.name(), log.failures())));
    }

    private Future<List<DartDisclosurePage>> disclosurePages(MarketCompany company, LocalDate from, LocalDate to, String type,
                                                             boolean includesToday, int pageNo,
                                                             List<DartDisclosurePage> pages, SourceLog log) {
        return dart.disclosures(company.dartCorpCode(), from, to, type, pageNo, DISCLOSURE_PAGE_SIZE, includesToday)
                .compose(page -> {
                    log.answered(page.fetch(), from + ".." + to, null, null, null);
                    pages.add(page.value());
                    boolean more = pageNo < page.value().totalPages() && pageNo < DISCLOSURE_MAX_PAGES
                            && !page.fetch().fromSnapshot();
                    return more ? disclosurePages(company, from, to, type, includesToday, pageNo + 1, pages, log)
                            : Future.succeededFuture(pages);
                }, t -> {
                    log.failed(DartClient.SYSTEM, "GET /api/list.json", t);
                    return pages.isEmpty() ? Future.failedFuture(t) : Future.succeededFuture(pages);
                });
    }

    // ---- financials ---------------------------------------------------------------------------------------------

    /**
     * Key statements of one report. Korean companies: DART, consolidated (CFS) first and separate (OFS) as
     * fallback; {@code full} uses the complete statements (fnlttSinglAcntAll) instead of the key accounts.
     * US companies: Yahoo's annual income statement (revenue, operating income, net income) for the fiscal year
     * ending in {@code year}. A null year means the latest year that should be reported.
     */
    public Future<MarketResult<FinancialStatements>> financials(MarketCompany company, Integer year, ReportCode report,
                                                                 boolean full) {
        ReportCode reportCode = report == null ? ReportCode.ANNUAL : report;
        if (!company.korean()) {
            if (reportCode != ReportCode.ANNUAL) {
                return Future.failedFuture(ApiException.badRequest("report",
                        "only annual statements are available for non-Korean companies"));
            }
            return usFinancials(company, year);
        }
        if (company.dartCorpCode() == null) {
            return Future.failedFuture(ApiException.notFound("DART statements of " + company.name()));
        }
        int fiscalYear = year != null ? year : today().getYear() - 1;
        SourceLog log = new SourceLog();
        Future<List<DartAccount>> rows = full
                ? allAccountsCfsThenOfs(company, fiscalYear, reportCode, log)
                : dart.keyAccounts(company.dartCorpCode(), fiscalYear, reportCode.code()).map(s -> {
                    remember(log, s, fiscalYear, reportCode);
                    return s.value();
                });
        return rows.map(accounts -> {
            String basis = accounts.stream().anyMatch(a -> "CFS".equals(a.fsDiv())) ? "CFS"
                    : accounts.stream().anyMatch(a -> "OFS".equals(a.fsDiv())) ? "OFS" : null;
            List<DartAccount> chosen = accounts.stream()
                    .filter(a -> basis == null || basis.equals(a.fsDiv()) || a.fsDiv() == null).toList();
            List<FinancialLine> lines = chosen.stream().sorted(Comparator.comparingInt(DartAccount::order))
                    .map(a -> new FinancialLine(a.statement(), a.accountName(), a.accountId(), a.periodName(),
                            big(a.amount()), big(a.cumulativeAmount()), big(a.priorAmount()), a.priorPeriodName()))
                    .toList();
            String periodEnd = chosen.stream().map(DartAccount::periodDates).filter(p -> p != null && !p.isBlank())
                    .findFirst().orElse(null);
            String currency = chosen.stream().map(DartAccount::currency).findFirst().orElse("KRW");
            MarketResult<FinancialStatements> result = log.result(new FinancialStatements(company, fiscalYear,
                    reportCode.code(), reportCode.label(), basis, currency, periodEnd, lines));
            return relabel(result, basis);
        }).recover(t -> Future.failedFuture(new MarketDataUnavailable("Statements of " + company.name(),
                failuresWith(log, DartClient.SYSTEM, full ? "GET /api/fnlttSinglAcntAll.json"
                        : "GET /api/fnlttSinglAcnt.json", t))));
    }

    private Future<List<DartAccount>> allAccountsCfsThenOfs(MarketCompany company, int year, ReportCode report,
                                                            SourceLog log) {
        return dart.allAccounts(company.dartCorpCode(), year, report.code(), "CFS").compose(cfs -> {
            remember(log, cfs, year, report);
            if (!cfs.value().isEmpty()) {
                return Future.succeededFuture(cfs.value().stream().map(a -> withFsDiv(a, "CFS")).toList());
            }
            return dart.allAccounts(company.dartCorpCode(), year, report.code(), "OFS").map(ofs -> {
                remember(log, ofs, year, report);
                return ofs.value().stream().map(a -> withFsDiv(a, "OFS")).toList();
            });
        });
    }

    private static DartAccount withFsDiv(DartAccount a, String fsDiv) {
        return new DartAccount(a.receiptNo(), a.reportCode(), a.businessYear(), fsDiv, a.statement(),
                a.statementName(), a.accountId(), a.accountName(), a.periodName(), a.periodDates(), a.amount(),
                a.cumulativeAmount(), a.priorAmount(), a.priorPeriodName(), a.order(), a.currency());
    }

    private static void remember(SourceLog log, Sourced<List<DartAccount>> s, int year, ReportCode report) {
        log.answered(s.fetch(), "FY" + year + " " + report.code() + " (" + report.label() + ")", "KRW", "KRW", null);
    }

    /** Sets the statement basis on the DART provenance entries once it is known. */
    private static MarketResult<FinancialStatements> relabel(MarketResult<FinancialStatements> result, String basis) {
        List<Provenance> labelled = result.provenance().stream().map(p -> new Provenance(p.source(), p.endpoint(),
                p.asOf(), p.fetchedAt(), p.unit(), p.currency(), basis == null ? "no data (DART 013)" : basis,
                p.snapshotRecordedOn(), p.fromCache())).toList();
        return new MarketResult<>(result.data(), labelled, result.sourcesAnswered(), result.sourcesFailed());
    }

    private Future<MarketResult<FinancialStatements>> usFinancials(MarketCompany company, Integer year) {
        SourceLog log = new SourceLog();
        LocalDate from = LocalDate.of(year == null ? 2000 : year - 2, 1, 1);
        LocalDate to = year == null ? today().plusDays(1) : LocalDate.of(year + 1, 1, 1);
        return yahoo.annualIncomeStatement(company.yahooSymbol(), from, to).map(s -> {
            Map<String, List<YahooAnnualFigure>> byType = new TreeMap<>();
            for (YahooAnnualFigure f : s.value()) {
                byType.computeIfAbsent(f.type(), k -> new ArrayList<>()).add(f);
            }
            Optional<LocalDate> end = s.value().stream().map(YahooAnnualFigure::asOf)
                    .filter(d -> year == null || d.getYear() == year).max(Comparator.naturalOrder());
            if (end.isEmpty()) {
                log.answered(s.fetch(), "FY" + (year == null ? "latest" : year), "USD", null, "consolidated");
                return log.result(new FinancialStatements(company, year == null ? 0 : year, "FY",
                        "Annual income statement", "consolidated", null, null, List.of()));
            }
            LocalDate periodEnd = end.get();
            List<FinancialLine> lines = new ArrayList<>();
            String currency = null;
            for (String type : YahooClient.INCOME_TYPES) {
                List<YahooAnnualFigure> series = byType.getOrDefault(type, List.of());
                Optional<YahooAnnualFigure> current = series.stream().filter(f -> f.asOf().equals(periodEnd)).findFirst();
                Optional<YahooAnnualFigure> prior = series.stream().filter(f -> f.asOf().isBefore(periodEnd))
                        .max(Comparator.comparing(YahooAnnualFigure::asOf));
                if (current.isEmpty()) {
                    continue;
                }
                currency = current.get().currency();
                lines.add(new FinancialLine("IS", usAccountName(type), type, "FY ending " + periodEnd,
                        current.get().value(), null, prior.map(YahooAnnualFigure::value).orElse(null),
                        prior.map(p -> "FY ending " + p.asOf()).orElse(null)));
            }
            log.answered(s.fetch(), "FY ending " + periodEnd, currency, currency, "consolidated");
            return log.result(new FinancialStatements(company, periodEnd.getYear(), "FY", "Annual income statement",
                    "consolidated", currency, periodEnd.toString(), List.copyOf(lines)));
        }).recover(t -> Future.failedFuture(new MarketDataUnavailable("Statements of " + company.name(),
                failuresWith(log, YahooClient.SYSTEM,
                        "GET /ws/fundamentals-timeseries/v1/finance/timeseries/{symbol}", t))));
    }

    private static String usAccountName(String type) {
        return switch (type) {
            case "annualTotalRevenue" -> "Total revenue";
            case "annualOperatingIncome" -> "Operating income";
            case "annualNetIncome" -> "Net income";
            default -> type;
        };
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** "Today" for default price windows: the snapshot day offline, else today where the company trades. */
    public LocalDate priceToday(MarketCompany company) {
        if (company.korean()) {
            return krx.snapshotAsOf().orElseGet(() -> LocalDate.now(clock.withZone(KrxCalendar.SEOUL)));
        }
        return yahoo.snapshotAsOf().orElseGet(() -> LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC)));
    }

    /** "Today" for default filing windows: the DART snapshot day offline, else today in Seoul. */
    public LocalDate filingsToday() {
        return today();
    }

    private LocalDate today() {
        return dart.snapshotAsOf().orElseGet(() -> LocalDate.now(clock.withZone(KrxCalendar.SEOUL)));
    }

    private static List<SourceFailure> failuresWith(SourceLog log, String source, String endpoint, Throwable t) {
        if (t instanceof ApiException) {
            return log.failures();
        }
        log.failed(source, endpoint, t);
        return log.failures();
    }

    private static MarketDataUnavailable unavailable(String what, SourceLog log, String source, String endpoint,
                                                     Throwable t) {
        return new MarketDataUnavailable(what, failuresWith(log, source, endpoint, t));
    }

    private static KrxMarket krxMarket(MarketCompany company) {
        if (company.market() == Market.KOSPI) {
            return KrxMarket.KOSPI;
        }
        return company.market() == Market.KOSDAQ ? KrxMarket.KOSDAQ : null;
    }

    private static MarketCompany refineMarket(MarketCompany company, DartCompany registry) {
        if (registry == null || company.market() != Market.KRX_OTHER) {
            return company;
        }
        Market market = Market.fromDartClass(registry.corpClass());
        return new MarketCompany(company.krxCode(), company.dartCorpCode(), company.name(), company.nameEn(), market,
                MarketCompany.yahooSymbolFor(company.krxCode(), market), company.preferred(), company.listed());
    }

    private static CompanyProfile.LatestPrice latestFromQuote(YahooQuote q) {
        LocalDate date = q.marketTime() == null ? null : q.marketTime().atZone(KrxCalendar.SEOUL).toLocalDate();
        return new CompanyProfile.LatestPrice(date, q.price(), q.change(), q.changePercent(), null, q.marketCap(), null,
                q.currency());
    }

    private static Resolution fromYahoo(String query, List<YahooSearchHit> hits) {
        List<Resolution.Candidate> candidates = new ArrayList<>();
        for (YahooSearchHit hit : hits) {
            if (!"EQUITY".equals(hit.quoteType())) {
                continue;
            }
            Market market = switch (hit.exchange() == null ? "" : hit.exchange()) {
                case "NMS", "NGM", "NCM", "NAS" -> Market.NASDAQ;
                case "NYQ", "NYS", "ASE", "PCX" -> Market.NYSE;
                default -> Market.FOREIGN;
            };
            candidates.add(new Resolution.Candidate(new MarketCompany(null, null, hit.name(), hit.name(), market,
                    hit.symbol(), false, true), 0.8 - 0.01 * candidates.size(), "yahooSearch", query));
        }
        if (candidates.isEmpty()) {
            return Resolution.none(query);
        }
        return new Resolution(query, candidates.get(0), List.copyOf(candidates.subList(1, candidates.size())),
                candidates.size() > 1);
    }

    private static boolean containsHangul(String s) {
        return Hangul.containsHangul(s);
    }

    private static BigDecimal big(Long v) {
        return v == null ? null : BigDecimal.valueOf(v);
    }
}
