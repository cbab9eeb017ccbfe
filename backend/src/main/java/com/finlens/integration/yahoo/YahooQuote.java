package com.finlens.integration.yahoo;

import java.math.BigDecimal;
import java.time.Instant;

/** A v7 quote. */
public record YahooQuote(String symbol, String name, String currency, String exchange, BigDecimal price,
                         BigDecimal change, BigDecimal changePercent, BigDecimal previousClose, Long marketCap,
                         Instant marketTime) {
}
