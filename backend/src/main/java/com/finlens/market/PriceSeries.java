package com.finlens.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Prices of one company over a window. {@code missingDays} lists trading days in the window for which no source
 * had a bar, so a gap is visible rather than silent.
 */
public record PriceSeries(MarketCompany company, String currency, String interval, List<PriceBar> bars,
                          List<Dividend> dividends, List<Split> splits, List<LocalDate> missingDays) {

    public record Dividend(LocalDate date, BigDecimal amount) {
    }

    public record Split(LocalDate date, int numerator, int denominator) {
    }
}
