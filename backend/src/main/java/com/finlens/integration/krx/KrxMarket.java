package com.finlens.integration.krx;

/** The KRX markets we read, with the Open API id of their daily trading list. */
public enum KrxMarket {
    KOSPI("stk_bydd_trd"),
    KOSDAQ("ksq_bydd_trd");

    private final String dailyTradingApi;

    KrxMarket(String dailyTradingApi) {
        this.dailyTradingApi = dailyTradingApi;
    }

    public String dailyTradingApi() {
        return dailyTradingApi;
    }
}
