package com.finlens.integration.yahoo;

/** One quote hit of the v1 search. */
public record YahooSearchHit(String symbol, String name, String exchange, String exchangeName, String quoteType) {
}
