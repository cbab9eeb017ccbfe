package com.finlens.market;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One day (or interval) of prices. {@code adjClose} only from Yahoo; volume/value/cap only where the source gives them. */
public record PriceBar(LocalDate date, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                       BigDecimal adjClose, Long volume, Long tradedValue, Long marketCap, String source) {
}
