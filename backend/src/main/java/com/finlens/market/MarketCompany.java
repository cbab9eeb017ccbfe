package com.finlens.market;

/**
 * A company (or one share class of it) as Finlens knows it. Korean companies have a 6-character KRX code and a
 * DART corp code; US companies only a Yahoo symbol. {@code preferred} marks preferred shares (삼성전자우), which
 * share the DART corp code of the common shares. {@code listed} is false for delisted companies.
 */
public record MarketCompany(String krxCode, String dartCorpCode, String name, String nameEn, Market market,
                      String yahooSymbol, boolean preferred, boolean listed) {

    public boolean korean() {
        return market.korean();
    }

    /** A stable id for the API: the KRX code for Korean companies, the Yahoo symbol otherwise. */
    public String id() {
        return krxCode != null ? krxCode : yahooSymbol;
    }

    public static String yahooSymbolFor(String krxCode, Market market) {
        String suffix = market.yahooSuffix();
        return suffix == null || krxCode == null ? null : krxCode + suffix;
    }
}
