package com.finlens.assistant.usage;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link UsageStore} in memory for tests; {@link #lines()} shows what would be in llm_usage. */
public final class InMemoryUsageStore implements UsageStore {

    /** One row as the SQL store would keep it. */
    public record Line(long id, long userId, long conversationId, Instant startedAt, String status, UsageRecord usage,
                       String refundReason) {
    }

    private final List<Line> lines = new ArrayList<>();

    @Override
    public synchronized Future<Integer> countCharged(long userId, Instant since) {
        return Future.succeededFuture((int) lines.stream()
                .filter(l -> l.userId() == userId && !l.startedAt().isBefore(since) && !l.status().equals("refunded"))
                .count());
    }

    @Override
    public synchronized Future<Long> openWithin(long userId, long conversationId, Instant since, int limit,
                                                Instant startedAt) {
        if (countCharged(userId, since).result() >= limit) {
            return Future.succeededFuture(null);
        }
        long id = lines.size() + 1;
        lines.add(new Line(id, userId, conversationId, startedAt, "pending", null, null));
        return Future.succeededFuture(id);
    }

    @Override
    public synchronized Future<Void> close(long id, UsageRecord record) {
        Line line = lines.get((int) id - 1);
        lines.set((int) id - 1, new Line(id, line.userId(), line.conversationId(), line.startedAt(), record.status(),
                record, null));
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Void> refund(long id, String reason) {
        Line line = lines.get((int) id - 1);
        lines.set((int) id - 1, new Line(id, line.userId(), line.conversationId(), line.startedAt(), "refunded",
                line.usage(), reason));
        return Future.succeededFuture();
    }

    public synchronized List<Line> lines() {
        return List.copyOf(lines);
    }
}
