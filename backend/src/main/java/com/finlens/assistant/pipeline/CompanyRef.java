package com.finlens.assistant.pipeline;

/**
 * A listed company as the market feature identifies it. {@code key} is that feature's own id (a DART corp code,
 * a Yahoo symbol ...), {@code ticker} the code people know (005930, AAPL), {@code market} e.g. KOSPI, NASDAQ.
 */
public record CompanyRef(String key, String name, String ticker, String market) {
}
