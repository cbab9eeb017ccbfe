package com.finlens.market;

import com.finlens.integration.dart.DartClient;
import com.finlens.integration.krx.KrxClient;
import com.finlens.integration.yahoo.YahooClient;
import com.finlens.market.calendar.KrxCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What "today" is for each kind of market data. Live, it is today where the company trades; offline it is the
 * bundled data's own as-of date (per company for the price datasets), so default windows end where the data ends
 * and answers can say "as of" that day.
 */
public final class MarketDays {

    private final DartClient dart;
    private final KrxClient krx;
    private final YahooClient yahoo;
    private final PriceDataset dataset;
    private final Clock clock;

    public MarketDays(DartClient dart, KrxClient krx, YahooClient yahoo, PriceDataset dataset, Clock clock) {
        this.dart = dart;
        this.krx = krx;
        this.yahoo = yahoo;
        this.dataset = dataset;
        this.clock = clock;
    }

    /** "Today" for default price windows: the last day of the offline data, else today where the company trades. */
    public LocalDate priceToday(MarketCompany company) {
        if (company.korean()) {
            if (offlinePrices()) {
                return dataset.lastDay(company.krxCode()).orElseGet(() -> krx.snapshotAsOf().orElseThrow());
            }
            return LocalDate.now(clock.withZone(KrxCalendar.SEOUL));
        }
        return yahoo.snapshotAsOf().orElseGet(() -> LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    /** "Today" for default filing windows and "last year": the DART snapshot day offline, else today in Seoul. */
    public LocalDate filingsToday() {
        return dart.snapshotAsOf().orElseGet(() -> LocalDate.now(clock.withZone(KrxCalendar.SEOUL)));
    }

    /** True when Korean prices come from the bundled data (no KRX key configured). */
    public boolean offlinePrices() {
        return krx.snapshotAsOf().isPresent();
    }

    /** True when filings and statements come from the bundled DART recordings. */
    public boolean offlineFilings() {
        return dart.snapshotAsOf().isPresent();
    }
}
