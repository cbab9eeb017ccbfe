package com.finlens.assistant.pipeline;

import java.util.List;

/**
 * A figure a question can ask for, with the words people use for it (Korean, English, colloquial). {@code key} is
 * the {@link Fact#metric()} the market adapter gives that figure; {@code kind} is the step that gathers it.
 */
public enum Metric {
    REVENUE("revenue", FactKind.FINANCIALS, "매출액", "Revenue",
            List.of("매출", "revenue", "sales", "turnover", "top line", "영업수익")),
    OPERATING_INCOME("operating_income", FactKind.FINANCIALS, "영업이익", "Operating income",
            List.of("영업이익", "영업손실", "영업익", "영업 이익", "operating profit", "operating income", "operating loss",
                    "ebit")),
    NET_INCOME("net_income", FactKind.FINANCIALS, "당기순이익", "Net income",
            List.of("순이익", "순손실", "당기순", "벌었", "net income", "net profit", "net loss", "bottom line", "earn",
                    "earned", "earnings")),
    TOTAL_ASSETS("total_assets", FactKind.FINANCIALS, "자산총계", "Total assets",
            List.of("자산총계", "총자산", "자산 총계", "자산", "total assets", "assets")),
    TOTAL_LIABILITIES("total_liabilities", FactKind.FINANCIALS, "부채총계", "Total liabilities",
            List.of("부채총계", "총부채", "부채 총계", "부채", "total liabilities", "liabilities", "debt")),
    TOTAL_EQUITY("total_equity", FactKind.FINANCIALS, "자본총계", "Total equity",
            List.of("자본총계", "총자본", "자본 총계", "순자산", "자기자본", "total equity", "shareholders' equity",
                    "equity", "book value")),
    CLOSE("close", FactKind.PRICE, "종가", "Closing price",
            List.of("종가", "주가", "가격", "시세", "close", "closing price", "share price", "stock price",
                    "price", "trading at", "quote")),
    VOLUME("volume", FactKind.PRICE, "거래량", "Trading volume",
            List.of("거래량", "거래 량", "volume", "shares traded")),
    MARKET_CAP("market_cap", FactKind.PRICE, "시가총액", "Market cap",
            List.of("시가총액", "시총", "market cap", "market capitalization", "market value")),
    DISCLOSURES("disclosure", FactKind.DISCLOSURES, "공시", "Filings",
            List.of("공시", "보고서", "신고", "filing", "disclosure", "report", "10-k", "10-q", "8-k"));

    private final String key;
    private final FactKind kind;
    private final String korean;
    private final String english;
    private final List<String> words;

    Metric(String key, FactKind kind, String korean, String english, List<String> words) {
        this.key = key;
        this.kind = kind;
        this.korean = korean;
        this.english = english;
        this.words = words;
    }

    public String key() {
        return key;
    }

    public FactKind kind() {
        return kind;
    }

    public String label(Language language) {
        return language == Language.KO ? korean : english;
    }

    List<String> words() {
        return words;
    }

    static Metric byKey(String key) {
        for (Metric m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        return null;
    }
}
