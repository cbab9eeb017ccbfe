package com.finlens.market;

import static com.finlens.market.KrxMarkets.big;

import com.finlens.integration.krx.KrxClient;
import com.finlens.integration.krx.KrxDailyRow;
import com.finlens.integration.krx.KrxMarket;
import com.finlens.integration.upstream.UpstreamException;
import com.finlens.integration.yahoo.YahooChart;
import com.finlens.integration.yahoo.YahooClient;
import com.finlens.integration.yahoo.YahooQuote;
import com.finlens.market.calendar.KrxCalendar;
import com.finlens.platform.http.ApiException;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Share prices. Korean daily windows up to {@value #KRX_MAX_TRADING_DAYS} trading days come from KRX, with Yahoo
 * (.KS/.KQ) filling days KRX could not give; longer windows, other intervals and US symbols from Yahoo. Offline,
 * Korean daily prices come from the bundled dataset exports, with the KRX recording winning on the day it has.
 */
public final class PriceService {

    /** Longest window fetched day by day from KRX (one call per trading day); longer windows use Yahoo. */
    static final int KRX_MAX_TRADING_DAYS = 31;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final KrxClient krx;
    private final YahooClient yahoo;
    private final PriceDataset dataset;
    private final KrxCalendar calendar;
    private final MarketDays days;
    private final Clock clock;

    public PriceService(KrxClient krx, YahooClient yahoo, PriceDataset dataset, KrxCalendar calendar, MarketDays days,
                        Clock clock) {
        this.clock = clock;
        this.krx = krx;
        this.yahoo = yahoo;
        this.dataset = dataset;
        this.calendar = calendar;
        this.days = days;
    }

    /** "Today" for default price windows (offline: the last day the company's data has). */
    public LocalDate priceToday(MarketCompany company) {
        return days.priceToday(company);
    }

    public Future<MarketResult<PriceSeries>> prices(MarketCompany company, LocalDate from, LocalDate to, String interval) {
        SourceLog log = new SourceLog();
        if (company.korean() && "1d".equals(interval) && days.offlinePrices() && dataset.covers(company.krxCode())) {
            return offline(company, from, to, log);
        }
        KrxMarket market = KrxMarkets.of(company);
        List<LocalDate> tradingDays = calendar.tradingDays(from, to);
        if (market == null || !"1d".equals(interval) || tradingDays.size() > KRX_MAX_TRADING_DAYS) {
            return yahooPrices(company, from, to, interval, log, new TreeMap<>(), tradingDays)
                    .compose(series -> finished(company, series, log));
        }
        List<Future<Optional<KrxDailyRow>>> perDay = new ArrayList<>();
        for (LocalDate day : tradingDays) {
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
            if (bars.size() == tradingDays.size()) {
                return Future.succeededFuture(log.result(new PriceSeries(company, "KRW", interval,
                        List.copyOf(bars.values()), List.of(), List.of(), List.of())));
            }
            return yahooPrices(company, from, to, interval, log, bars, tradingDays)
                    .compose(series -> finished(company, series, log));
        });
    }

    /** The most recent end-of-day figures of a Korean company (KRX, the offline dataset, or Yahoo). */
    Future<Optional<CompanyProfile.LatestPrice>> latestKorean(MarketCompany company, SourceLog log) {
        if (days.offlinePrices() && dataset.covers(company.krxCode())) {
            LocalDate last = days.priceToday(company);
            List<PriceBar> bars = dataset.bars(company.krxCode(), last.minusDays(14), last);
            PriceBar bar = bars.get(bars.size() - 1);
            datasetProvenance(company, bars, log);
            BigDecimal change = bars.size() < 2 ? null : bar.close().subtract(bars.get(bars.size() - 2).close());
            BigDecimal rate = change == null || bars.get(bars.size() - 2).close().signum() == 0 ? null
                    : change.multiply(BigDecimal.valueOf(100))
                    .divide(bars.get(bars.size() - 2).close(), 2, RoundingMode.HALF_UP);
            return Future.succeededFuture(Optional.of(new CompanyProfile.LatestPrice(bar.date(), bar.close(), change,
                    rate, bar.volume(), null, null, "KRW")));
        }
        KrxMarket market = KrxMarkets.of(company);
        if (market == null) {
            return latestQuote(company, log);
        }
        LocalDate day = krx.snapshotAsOf().orElseGet(() -> calendar.lastClosedTradingDay(ZonedDateTime.now(clock)));
        return krxRowOnOrBefore(company, market, day, 0, log).compose(row -> {
            if (row.isPresent()) {
                KrxDailyRow r = row.get();
                return Future.succeededFuture(Optional.of(new CompanyProfile.LatestPrice(r.date(), big(r.close()),
                        big(r.change()), r.changeRate(), r.volume(), r.marketCap(), r.listedShares(), "KRW")));
            }
            return latestQuote(company, log);
        });
    }

    /** Yahoo's latest quote of a symbol. */
    Future<Optional<CompanyProfile.LatestPrice>> latestQuote(MarketCompany company, SourceLog log) {
        if (company.yahooSymbol() == null) {
            return Future.succeededFuture(Optional.empty());
        }
        return yahoo.quote(company.yahooSymbol()).map(q -> {
            log.answered(q.fetch(), q.value().marketTime() == null ? "latest" : q.value().marketTime().toString(),
                    "per share", q.value().currency(), null);
            return Optional.of(fromQuote(q.value(), company));
        }).otherwise(t -> {
            log.failed(YahooClient.SYSTEM, "GET /v7/finance/quote", t);
            return Optional.empty();
        });
    }

    private Future<MarketResult<PriceSeries>> offline(MarketCompany company, LocalDate from, LocalDate to, SourceLog log) {
        TreeMap<LocalDate, PriceBar> bars = new TreeMap<>();
        dataset.bars(company.krxCode(), from, to).forEach(b -> bars.put(b.date(), b));
        LocalDate recorded = krx.snapshotAsOf().orElse(null);
        KrxMarket market = KrxMarkets.of(company);
        Future<Void> licensed = Future.succeededFuture();
        if (recorded != null && market != null && !recorded.isBefore(from) && !recorded.isAfter(to)) {
            // the KRX OPEN API recording is the licensed source: it wins on its day (and adds market cap)
            licensed = krx.dailyTrading(market, recorded).map(rows -> {
                rows.value().stream().filter(r -> r.code().equals(company.krxCode())).findFirst().ifPresent(r -> {
                    bars.put(r.date(), krxBar(r));
                    log.answered(rows.fetch(), recorded.toString(), "KRW per share", "KRW", null);
                });
                return (Void) null;
            }).otherwise(t -> {
                log.failed(KrxClient.SYSTEM, "POST /svc/apis/sto/" + market.dailyTradingApi(), t);
                return null;
            });
        }
        return licensed.map(v -> {
            datasetProvenance(company, bars.values().stream().filter(b -> dataset.source(b.source()) != null).toList(), log);
            return log.result(series(company, "KRW", "1d", bars, null, calendar.tradingDays(from, to)));
        });
    }

    private void datasetProvenance(MarketCompany company, List<PriceBar> bars, SourceLog log) {
        Map<String, List<PriceBar>> bySource = new LinkedHashMap<>();
        bars.forEach(b -> bySource.computeIfAbsent(b.source(), k -> new ArrayList<>()).add(b));
        bySource.forEach((id, used) -> {
            PriceDataset.Source source = dataset.source(id);
            log.answered(new Provenance(source.label(), "datasets/" + id + "/" + company.krxCode() + ".csv",
                    used.get(0).date() + ".." + used.get(used.size() - 1).date(),
                    source.recordedOn().atStartOfDay().toInstant(ZoneOffset.UTC), "KRW per share", "KRW", null,
                    source.recordedOn(), false));
        });
    }

    private Future<MarketResult<PriceSeries>> finished(MarketCompany company, PriceSeries series, SourceLog log) {
        if (!series.bars().isEmpty() || log.failures().isEmpty()) {
            return Future.succeededFuture(log.result(series));
        }
        return Future.failedFuture(MarketDataNotFound.of("Prices of " + company.name(), log.failures()));
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

    private Future<PriceSeries> yahooPrices(MarketCompany company, LocalDate from, LocalDate to, String interval,
                                            SourceLog log, TreeMap<LocalDate, PriceBar> already, List<LocalDate> tradingDays) {
        String currency = company.korean() ? "KRW" : null;
        if (company.yahooSymbol() == null) {
            log.failed(new SourceFailure(YahooClient.SYSTEM, "GET /v8/finance/chart/{symbol}", "NOT_FOUND",
                    "Yahoo has no symbol for " + company.name()));
            return Future.succeededFuture(series(company, currency, interval, already, null, tradingDays));
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
            return series(company, c.currency() == null ? currency : c.currency(), interval, already, c, tradingDays);
        }).otherwise(t -> {
            log.failed(YahooClient.SYSTEM, "GET /v8/finance/chart/{symbol}", t);
            return series(company, currency, interval, already, null, tradingDays);
        });
    }

    private static PriceSeries series(MarketCompany company, String currency, String interval,
                                      TreeMap<LocalDate, PriceBar> bars, YahooChart chart,
                                      List<LocalDate> koreanTradingDays) {
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

    /** A quote's trading day is the day where the company trades (a US close at 20:00 UTC is still that day). */
    static CompanyProfile.LatestPrice fromQuote(YahooQuote q, MarketCompany company) {
        LocalDate date = q.marketTime() == null ? null
                : q.marketTime().atZone(company.korean() ? KrxCalendar.SEOUL : NEW_YORK).toLocalDate();
        return new CompanyProfile.LatestPrice(date, q.price(), q.change(), q.changePercent(), null, q.marketCap(), null,
                q.currency());
    }
}
