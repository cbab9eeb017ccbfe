package com.finlens.assistant.pipeline;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links a person can open for a cited source; adapters use these when they build {@link Fact#url()}. */
public final class SourceLinks {

    private SourceLinks() {
    }

    /** The DART viewer page of a filing, by its receipt number (rcept_no). */
    public static String dartViewer(String receiptNo) {
        return "https://dart.fss.or.kr/dsaf001/main.do?rcpNo=" + receiptNo;
    }

    /** Yahoo Finance's quote page for a symbol, e.g. AAPL or 005930.KS. */
    public static String yahooQuote(String symbol) {
        return "https://finance.yahoo.com/quote/" + URLEncoder.encode(symbol, StandardCharsets.UTF_8);
    }
}
