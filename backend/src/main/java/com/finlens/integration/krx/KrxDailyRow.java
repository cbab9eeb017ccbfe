package com.finlens.integration.krx;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One issue's end-of-day figures from a KRX daily trading list. Prices in KRW; a halted issue has volume 0 and
 * open/high/low 0 with the close carried over. {@code section} is the market section (e.g. 우량기업부), not an industry.
 */
public record KrxDailyRow(LocalDate date, String code, String name, KrxMarket market, String section, Long close,
                          Long change, BigDecimal changeRate, Long open, Long high, Long low, Long volume,
                          Long tradedValue, Long marketCap, Long listedShares) {

    public boolean traded() {
        return volume != null && volume > 0;
    }
}
