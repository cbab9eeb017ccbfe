package com.finlens.market;

import com.finlens.integration.krx.KrxMarket;
import java.math.BigDecimal;

/** Small mappings the market services share. */
final class KrxMarkets {

    private KrxMarkets() {
    }

    /** The KRX board a company's daily rows are on, or null for companies KRX does not list. */
    static KrxMarket of(MarketCompany company) {
        if (company.market() == Market.KOSPI) {
            return KrxMarket.KOSPI;
        }
        return company.market() == Market.KOSDAQ ? KrxMarket.KOSDAQ : null;
    }

    static BigDecimal big(Long v) {
        return v == null ? null : BigDecimal.valueOf(v);
    }
}
