package com.finlens.assistant.usage;

import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Where answers are counted and their token usage, latency and cost are kept (table {@code llm_usage}). An answer is
 * charged to the UTC day it started on.
 */
public interface UsageStore {

    /** Answers of the user charged on the UTC {@code day} (opened that day and not refunded). */
    Future<Integer> countCharged(long userId, LocalDate day);

    /**
     * Records that an answer started and returns the line's id, unless the user's answers charged on the UTC day of
     * {@code startedAt} already reach {@code limit}: then null, and nothing is recorded. Charge and record are one
     * unit of work, exact under concurrency (every model answer makes one, and under load each is a pooled
     * connection and a commit).
     */
    Future<Long> openWithin(long userId, long conversationId, int limit, Instant startedAt);

    /** Fills in the outcome of an answer opened with {@link #openWithin}. */
    Future<Void> close(long id, UsageRecord record);

    /**
     * Gives the answer back to the quota of the day it started on, e.g. because it failed. Refunding a line again
     * changes nothing.
     */
    Future<Void> refund(long id, String reason);
}
