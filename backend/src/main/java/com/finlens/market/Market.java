package com.finlens.market;

/** Where a company's shares trade. */
public enum Market {
    KOSPI(true),
    KOSDAQ(true),
    KONEX(true),
    /** Has a Korean stock code but is not in today's KOSPI/KOSDAQ lists: delisted or on another segment. */
    KRX_OTHER(true),
    NASDAQ(false),
    NYSE(false),
    /** Any other non-Korean listing Yahoo knows. */
    FOREIGN(false);

    private final boolean korean;

    Market(boolean korean) {
        this.korean = korean;
    }

    public boolean korean() {
        return korean;
    }

    /** DART's corp_cls: Y = KOSPI, K = KOSDAQ, N = KONEX, E = other. */
    public static Market fromDartClass(String corpCls) {
        if (corpCls == null) {
            return KRX_OTHER;
        }
        return switch (corpCls) {
            case "Y" -> KOSPI;
            case "K" -> KOSDAQ;
            case "N" -> KONEX;
            default -> KRX_OTHER;
        };
    }

    /** Yahoo's suffix for Korean symbols, or null when Yahoo has none. */
    public String yahooSuffix() {
        return switch (this) {
            case KOSPI -> ".KS";
            case KOSDAQ -> ".KQ";
            default -> null;
        };
    }
}
