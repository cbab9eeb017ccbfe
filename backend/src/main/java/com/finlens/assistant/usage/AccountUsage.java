package com.finlens.assistant.usage;

import com.finlens.account.UsageSummary;
import com.finlens.platform.db.Futures;
import com.finlens.platform.db.UtcColumns;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The account page's usage section: the quota for today and each model answer started today (newest first, at
 * most {@value #LIMIT}) with its model, outcome, latency and estimated cost, read from {@code llm_usage}.
 */
public final class AccountUsage implements UsageSummary {

    static final int LIMIT = 50;

    private final AnswerQuota quota;
    private final Mutiny.SessionFactory sessions;

    public AccountUsage(AnswerQuota quota, Mutiny.SessionFactory sessions) {
        this.quota = quota;
        this.sessions = sessions;
    }

    @Override
    public Future<JsonObject> today(long userId) {
        return quota.status(userId).compose(status -> answers(userId, status.resetsAt().minusSeconds(86_400))
                .map(answers -> status.toJson().put("answers", answers)));
    }

    private Future<JsonArray> answers(long userId, Instant since) {
        return Futures.toFuture(sessions.withSession(s -> s.createNativeQuery(
                        "select started_at, model, status, first_token_ms, total_ms, estimated_cost_usd from llm_usage"
                                + " where user_id = ?1 and started_at >= ?2 order by started_at desc, id desc",
                        Object[].class)
                .setParameter(1, userId)
                .setParameter(2, UtcColumns.of(since))
                .setMaxResults(LIMIT)
                .getResultList()))
                .map(AccountUsage::toJson);
    }

    private static JsonArray toJson(List<Object[]> rows) {
        JsonArray answers = new JsonArray();
        for (Object[] r : rows) {
            answers.add(new JsonObject()
                    .put("startedAt", ((LocalDateTime) r[0]).toInstant(ZoneOffset.UTC).toString())
                    .put("model", r[1])
                    .put("status", r[2])
                    .put("firstTokenMillis", r[3] == null ? null : ((Number) r[3]).longValue())
                    .put("totalMillis", r[4] == null ? null : ((Number) r[4]).longValue())
                    .put("estimatedCostUsd", r[5] == null ? 0.0 : ((BigDecimal) r[5]).doubleValue()));
        }
        return answers;
    }
}
