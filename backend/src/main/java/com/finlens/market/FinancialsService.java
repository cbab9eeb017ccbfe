package com.finlens.market;

import static com.finlens.market.KrxMarkets.big;

import com.finlens.integration.dart.DartAccount;
import com.finlens.integration.dart.DartClient;
import com.finlens.integration.upstream.Sourced;
import com.finlens.integration.upstream.UpstreamException;
import com.finlens.integration.yahoo.YahooAnnualFigure;
import com.finlens.integration.yahoo.YahooClient;
import com.finlens.platform.http.ApiException;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Financial statements: DART for Korean companies (consolidated first, separate as fallback), Yahoo for US ones. */
public final class FinancialsService {

    private final DartClient dart;
    private final YahooClient yahoo;
    private final MarketDays days;

    public FinancialsService(DartClient dart, YahooClient yahoo, MarketDays days) {
        this.dart = dart;
        this.yahoo = yahoo;
        this.days = days;
    }

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
        int fiscalYear = year != null ? year : days.filingsToday().getYear() - 1;
        SourceLog log = new SourceLog();
        Future<List<DartAccount>> rows = full
                ? allAccountsCfsThenOfs(company, fiscalYear, reportCode, log)
                : dart.keyAccounts(company.dartCorpCode(), fiscalYear, reportCode.code()).map(s -> {
                    remember(log, s, fiscalYear, reportCode);
                    return s.value();
                }).recover(t -> {
                    // the offline data holds some years only as full statements
                    if (UpstreamException.of(DartClient.SYSTEM, t).kind() != UpstreamException.Kind.NOT_IN_SNAPSHOT) {
                        return Future.failedFuture(t);
                    }
                    log.failed(DartClient.SYSTEM, "GET /api/fnlttSinglAcnt.json", t);
                    return allAccountsCfsThenOfs(company, fiscalYear, reportCode, log);
                });
        return rows.map(accounts -> {
            String basis = accounts.stream().anyMatch(a -> "CFS".equals(a.fsDiv())) ? "CFS"
                    : accounts.stream().anyMatch(a -> "OFS".equals(a.fsDiv())) ? "OFS" : null;
            List<DartAccount> chosen = accounts.stream()
                    .filter(a -> basis == null || basis.equals(a.fsDiv()) || a.fsDiv() == null).toList();
            List<FinancialLine> lines = chosen.stream().sorted(Comparator.comparingInt(DartAccount::order))
                    .map(a -> new FinancialLine(a.statement(), a.accountName(), a.accountId(), a.periodName(),
                            big(a.amount()), big(a.cumulativeAmount()), big(a.priorAmount()), a.priorPeriodName(),
                            big(a.earlierAmount()), a.earlierPeriodName()))
                    .toList();
            String periodEnd = chosen.stream().map(DartAccount::periodDates).filter(p -> p != null && !p.isBlank())
                    .findFirst().orElse(null);
            String currency = chosen.stream().map(DartAccount::currency).findFirst().orElse("KRW");
            MarketResult<FinancialStatements> result = log.result(new FinancialStatements(company, fiscalYear,
                    reportCode.code(), reportCode.label(), basis, currency, periodEnd, lines,
                    chosen.stream().map(DartAccount::receiptNo).filter(r -> r != null && !r.isBlank()).findFirst()
                            .orElse(null)));
            return relabel(result, basis);
        }).recover(t -> Future.failedFuture(MarketDataNotFound.of("Statements of " + company.name(),
                log.failuresWith(DartClient.SYSTEM, full ? "GET /api/fnlttSinglAcntAll.json"
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
                a.cumulativeAmount(), a.priorAmount(), a.priorPeriodName(), a.order(), a.currency(), a.earlierAmount(),
                a.earlierPeriodName());
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
        LocalDate to = year == null ? days.filingsToday().plusDays(1) : LocalDate.of(year + 1, 1, 1);
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
                        "Annual income statement", "consolidated", null, null, List.of(), null));
            }
            LocalDate periodEnd = end.get();
            List<FinancialLine> lines = new ArrayList<>();
            String currency = null;
            for (String type : YahooClient.INCOME_TYPES) {
                List<YahooAnnualFigure> series = byType.getOrDefault(type, List.of());
                Optional<YahooAnnualFigure> current = series.stream().filter(f -> f.asOf().equals(periodEnd)).findFirst();
                List<YahooAnnualFigure> before = series.stream().filter(f -> f.asOf().isBefore(periodEnd))
                        .sorted(Comparator.comparing(YahooAnnualFigure::asOf).reversed()).toList();
                if (current.isEmpty()) {
                    continue;
                }
                currency = current.get().currency();
                Optional<YahooAnnualFigure> prior = before.stream().findFirst();
                Optional<YahooAnnualFigure> earlier = before.stream().skip(1).findFirst();
                lines.add(new FinancialLine("IS", usAccountName(type), type, "FY ending " + periodEnd,
                        current.get().value(), null, prior.map(YahooAnnualFigure::value).orElse(null),
                        prior.map(p -> "FY ending " + p.asOf()).orElse(null),
                        earlier.map(YahooAnnualFigure::value).orElse(null),
                        earlier.map(p -> "FY ending " + p.asOf()).orElse(null)));
            }
            log.answered(s.fetch(), "FY ending " + periodEnd, currency, currency, "consolidated");
            return log.result(new FinancialStatements(company, periodEnd.getYear(), "FY", "Annual income statement",
                    "consolidated", currency, periodEnd.toString(), List.copyOf(lines), null));
        }).recover(t -> Future.failedFuture(MarketDataNotFound.of("Statements of " + company.name(),
                log.failuresWith(YahooClient.SYSTEM,
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
}
