package com.finlens.assistant.usage;

import io.vertx.core.Future;
import java.time.Instant;

/** Where answers are counted and their token usage, latency and cost are kept (table {@code llm_usage}). */
public interface UsageStore {

    /** Answers of the user started at or after {@code since} that count against the quota (not refunded). */
    Future<Integer> countCharged(long userId, Instant since);

    /**
     * Records that an answer started and returns the line's id, unless the user's answers charged since
     * {@code since} already reach {@code limit}: then null, and nothing is recorded. Count and record are one unit
     * of work (every model answer makes one, and under load each is a pooled connection and a commit).
     */
    Future<Long> openWithin(long userId, long conversationId, Instant since, int limit, Instant startedAt);

    /** Fills in the outcome of an answer opened with {@link #open}. */
    Future<Void> close(long id, UsageRecord record);

    /** Gives the answer back to the user's quota, e.g. because it failed. */
    Future<Void> refund(long id, String reason);
}
