package com.finlens.integration.yahoo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One chart bar; {@code date} is the trading day in the exchange's time zone. Fields Yahoo left null stay null. */
public record YahooBar(Instant time, LocalDate date, BigDecimal open, BigDecimal high, BigDecimal low,
                       BigDecimal close, BigDecimal adjClose, Long volume) {
}
