package com.finlens.assistant.usage;

import com.finlens.platform.db.Futures;
import com.finlens.platform.db.UtcColumns;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * {@link UsageStore} on the {@code llm_usage} lines (V40) and the per-user, per-UTC-day counters of
 * {@code answer_quota_days} (V70). Runs on the event loop like all Hibernate Reactive code.
 */
public final class SqlUsageStore implements UsageStore {

    private final Mutiny.SessionFactory sessions;

    public SqlUsageStore(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Future<Integer> countCharged(long userId, LocalDate day) {
        return counter(userId, day).map(charged -> charged == null ? 0 : charged);
    }

    /**
     * The day's counter is raised last in the transaction that records the line, only while below the limit, so the
     * counter row is locked from that update to the commit and one user's answers starting together queue only
     * there. When the update matched nothing, a plain read tells a full counter (refused) from a missing one or one
     * a refund or another answer's creating it left below the limit: those get one retry, whose answer is final as
     * the counter then exists. A missing counter (the user's first answer of the day) is created in a statement of
     * its own: inserting it inside the transaction would hold its lock throughout, and concurrent inserts of a row
     * that exists take shared locks that deadlock when each then updates it.
     */
    @Override
    public Future<Long> openWithin(long userId, long conversationId, int limit, Instant startedAt) {
        LocalDate day = LocalDate.ofInstant(startedAt, ZoneOffset.UTC);
        return openCharged(userId, conversationId, day, limit, startedAt).compose(id -> id != null
                ? Future.succeededFuture(id)
                : counter(userId, day).compose(charged -> {
                    if (charged != null && charged >= limit) {
                        return Future.succeededFuture(null);
                    }
                    Future<?> counted = charged == null ? createCounter(userId, day) : Future.succeededFuture();
                    return counted.compose(created -> openCharged(userId, conversationId, day, limit, startedAt));
                }));
    }

    /** The new line's id, or null (rolled back, nothing recorded) when the day's counter is absent or full. */
    private Future<Long> openCharged(long userId, long conversationId, LocalDate day, int limit, Instant startedAt) {
        return inOwnTransaction((s, tx) -> s.createNativeQuery(
                        "insert into llm_usage (user_id, conversation_id, started_at, status)"
                                + " values (?1, ?2, ?3, 'pending')")
                .setParameter(1, userId)
                .setParameter(2, conversationId)
                .setParameter(3, UtcColumns.of(startedAt))
                .executeUpdate()
                .chain(() -> s.createNativeQuery("select last_insert_id()", Long.class).getSingleResult())
                .chain(id -> s.createNativeQuery("update answer_quota_days set charged = charged + 1"
                                + " where user_id = ?1 and day = ?2 and charged < ?3")
                        .setParameter(1, userId)
                        .setParameter(2, day)
                        .setParameter(3, limit)
                        .executeUpdate()
                        .map(charged -> {
                            if (charged == 0) {
                                tx.markForRollback();
                                return null;
                            }
                            return id;
                        })));
    }

    /** The day's counter, or null when the user has none for that day; a plain read, no lock. */
    private Future<Integer> counter(long userId, LocalDate day) {
        return statementInOwnSession(s -> s.createNativeQuery(
                        "select charged from answer_quota_days where user_id = ?1 and day = ?2", Integer.class)
                .setParameter(1, userId)
                .setParameter(2, day)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** Autocommitted, so the shared lock an insert of an existing row takes ends with the statement. */
    private Future<Integer> createCounter(long userId, LocalDate day) {
        return statementInOwnSession(s -> s.createNativeMutationQuery(
                        "insert ignore into answer_quota_days (user_id, day, charged) values (?1, ?2, 0)")
                .setParameter(1, userId)
                .setParameter(2, day)
                .executeUpdate());
    }

    @Override
    public Future<Void> close(long id, UsageRecord r) {
        return statementInOwnSession(s -> s.createNativeMutationQuery(
                        "update llm_usage set status = ?1, provider = ?2, model = ?3, prompt_tokens = ?4,"
                                + " completion_tokens = ?5, usage_reported = ?6, first_token_ms = ?7, total_ms = ?8,"
                                + " estimated_cost_usd = ?9 where id = ?10 and status = 'pending'")
                .setParameter(1, r.status())
                .setParameter(2, r.provider())
                .setParameter(3, r.model())
                .setParameter(4, r.promptTokens())
                .setParameter(5, r.completionTokens())
                .setParameter(6, r.usageReported())
                .setParameter(7, r.firstTokenMillis() < 0 ? null : r.firstTokenMillis())
                .setParameter(8, r.totalMillis())
                .setParameter(9, BigDecimal.valueOf(r.estimatedCostUsd()).setScale(6, RoundingMode.HALF_UP))
                .setParameter(10, id)
                .executeUpdate())
                .mapEmpty();
    }

    /**
     * Marks the line refunded and lowers its day's counter in one statement; the status guard makes a second refund
     * of the same line change nothing. A line whose user was deleted (the counters cascade away) is still marked.
     */
    @Override
    public Future<Void> refund(long id, String reason) {
        return statementInOwnSession(s -> s.createNativeMutationQuery(
                        "update llm_usage u left join answer_quota_days q"
                                + " on q.user_id = u.user_id and q.day = date(u.started_at)"
                                + " set u.status = 'refunded', u.refund_reason = ?1, q.charged = q.charged - 1"
                                + " where u.id = ?2 and u.status <> 'refunded'")
                .setParameter(1, reason)
                .setParameter(2, id)
                .executeUpdate())
                .mapEmpty();
    }

    /**
     * A session and transaction of its own for each call (the application's session factory never joins a session
     * the context already holds), bounded like every unit of work. Usage is settled where the model's answer
     * completes: on the LLM client's event loop, shared by every answer in flight. Stateless: the store reads and
     * writes rows, never entities, so it needs no persistence context.
     */
    private <T> Future<T> inOwnTransaction(BiFunction<Mutiny.StatelessSession, Mutiny.Transaction, Uni<T>> work) {
        return Futures.toFuture(sessions.withStatelessTransaction(work));
    }

    /** One statement in a session of its own, committed by itself: no begin and commit round trips around it. */
    private <T> Future<T> statementInOwnSession(Function<Mutiny.StatelessSession, Uni<T>> statement) {
        return Futures.toFuture(sessions.withStatelessSession(statement));
    }
}
