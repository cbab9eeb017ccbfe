package com.finlens.assistant.usage;

import com.finlens.platform.db.Futures;
import com.finlens.platform.db.UtcColumns;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;

/** {@link UsageStore} on the {@code llm_usage} table (V40). Runs on the event loop like all Hibernate Reactive code. */
public final class SqlUsageStore implements UsageStore {

    private final Mutiny.SessionFactory sessions;

    public SqlUsageStore(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Future<Integer> countCharged(long userId, Instant since) {
        return inOwnSession(s -> charged(s, userId, since)).map(Long::intValue);
    }

    private static Uni<Long> charged(Mutiny.StatelessSession s, long userId, Instant since) {
        return s.createNativeQuery(
                        "select count(*) from llm_usage where user_id = ?1 and started_at >= ?2 and status <> 'refunded'",
                        Long.class)
                .setParameter(1, userId)
                .setParameter(2, UtcColumns.of(since))
                .getSingleResult();
    }

    @Override
    public Future<Long> openWithin(long userId, long conversationId, Instant since, int limit, Instant startedAt) {
        // The user's row is locked first, so one user's answers starting together are counted one after another
        // and the limit is exact; other users are not held up.
        return inOwnSession(s -> s.createNativeQuery("select id from users where id = ?1 for update", Long.class)
                .setParameter(1, userId)
                .getResultList()
                .chain(locked -> charged(s, userId, since)).chain(used -> used >= limit
                ? Uni.createFrom().<Long>nullItem()
                : s.createNativeQuery("insert into llm_usage (user_id, conversation_id, started_at, status)"
                                + " values (?1, ?2, ?3, 'pending')")
                        .setParameter(1, userId)
                        .setParameter(2, conversationId)
                        .setParameter(3, UtcColumns.of(startedAt))
                        .executeUpdate()
                        .chain(() -> s.createNativeQuery("select last_insert_id()", Long.class).getSingleResult())));
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

    @Override
    public Future<Void> refund(long id, String reason) {
        return statementInOwnSession(s -> s.createNativeMutationQuery(
                        "update llm_usage set status = 'refunded', refund_reason = ?1 where id = ?2")
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
    private <T> Future<T> inOwnSession(Function<Mutiny.StatelessSession, Uni<T>> work) {
        return Futures.toFuture(sessions.withStatelessTransaction((s, tx) -> work.apply(s)));
    }

    /** One statement in a session of its own, committed by itself: no begin and commit round trips around it. */
    private <T> Future<T> statementInOwnSession(Function<Mutiny.StatelessSession, Uni<T>> statement) {
        return Futures.toFuture(sessions.withStatelessSession(statement));
    }
}
