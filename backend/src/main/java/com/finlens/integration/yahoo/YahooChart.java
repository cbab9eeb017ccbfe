package com.finlens.integration.yahoo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A v8 chart answer: meta, bars, and the dividends and splits in the window. */
public record YahooChart(String symbol, String currency, String exchange, String timeZone, String longName,
                         String interval, List<YahooBar> bars, List<Dividend> dividends, List<Split> splits) {

    public record Dividend(LocalDate date, BigDecimal amount) {
    }

    public record Split(LocalDate date, int numerator, int denominator) {
    }
}
