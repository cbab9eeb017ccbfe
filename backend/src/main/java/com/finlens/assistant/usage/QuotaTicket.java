package com.finlens.assistant.usage;

/** An answer counted against a user's quota, to be settled or refunded exactly once. */
public record QuotaTicket(long usageId, long userId) {
}
