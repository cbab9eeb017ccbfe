package com.finlens.market;

/** A company named in a text: the exact characters [start, end) and how sure we are (0..1). */
public record Mention(String text, int start, int end, double confidence, MarketCompany company) {
}
