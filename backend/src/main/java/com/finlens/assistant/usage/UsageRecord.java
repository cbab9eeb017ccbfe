package com.finlens.assistant.usage;

/**
 * The accounting line of one finished answer. {@code status} is "completed", "cancelled" or "cut_off";
 * refunded answers are marked by {@link UsageStore#refund} instead.
 */
public record UsageRecord(String status, String provider, String model, int promptTokens, int completionTokens,
                          boolean usageReported, long firstTokenMillis, long totalMillis, double estimatedCostUsd) {
}
