package com.finlens.platform.ratelimit;

import com.finlens.platform.db.Futures;
import com.finlens.platform.db.UtcColumns;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDateTime;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The {@code api_rate_windows} table (V45): one counter row per user per fixed window, shared by every replica.
 * A claim adds its whole size and reads the new total in the same transaction (the row stays locked until
 * commit), so two replicas never hand out the same hit.
 */
public final class RateWindows {

    private final Mutiny.SessionFactory sessions;

    public RateWindows(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** Claims up to {@code size} hits of the user's window; answers how many of them fit under {@code limit}. */
    public Future<Integer> claim(long userId, Instant windowStart, int size, int limit) {
        LocalDateTime start = UtcColumns.of(windowStart);
        return Futures.toFuture(sessions.withTransaction(s -> s.createNativeQuery(
                        "insert into api_rate_windows (user_id, window_start, hits) values (?1, ?2, ?3)"
                                + " on duplicate key update hits = hits + ?3")
                .setParameter(1, userId)
                .setParameter(2, start)
                .setParameter(3, size)
                .executeUpdate()
                .chain(() -> s.createNativeQuery(
                                "select hits from api_rate_windows where user_id = ?1 and window_start = ?2",
                                Integer.class)
                        .setParameter(1, userId)
                        .setParameter(2, start)
                        .getSingleResult())))
                .map(total -> Math.max(0, Math.min(size, limit - (total - size))));
    }

    /** Forgets windows that ended before {@code cutoff}. */
    public Future<Integer> purgeBefore(Instant cutoff) {
        return Futures.toFuture(sessions.withTransaction(s -> s.createNativeQuery(
                        "delete from api_rate_windows where window_start < ?1")
                .setParameter(1, UtcColumns.of(cutoff))
                .executeUpdate()));
    }
}
