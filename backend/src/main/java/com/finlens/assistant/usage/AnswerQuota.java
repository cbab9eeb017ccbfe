package com.finlens.assistant.usage;

import com.finlens.platform.http.ApiException;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Per-user daily answer quota over a {@link UsageStore}. Days are UTC. The limit is exact: a user's answers starting
 * at the same instant are counted one after another ({@link UsageStore#openWithin}).
 */
public final class AnswerQuota {

    private final UsageStore store;
    private final QuotaConfig config;
    private final Clock clock;

    public AnswerQuota(UsageStore store, QuotaConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    public Future<QuotaStatus> status(long userId) {
        Instant dayStart = dayStart();
        return store.countCharged(userId, dayStart)
                .map(used -> new QuotaStatus(config.dailyAnswers(), used, dayStart.plus(Duration.ofDays(1))));
    }

    /** Counts one answer, or fails with 429 {@code daily-quota-exhausted} when none is left today. */
    public Future<QuotaTicket> reserve(long userId, long conversationId) {
        Instant now = clock.instant();
        Instant dayStart = dayStart();
        return store.openWithin(userId, conversationId, dayStart, config.dailyAnswers(), now).compose(id -> {
            if (id != null) {
                return Future.succeededFuture(new QuotaTicket(id, userId));
            }
            Instant resetsAt = dayStart.plus(Duration.ofDays(1));
            long seconds = Math.max(1, Duration.between(now, resetsAt).toSeconds());
            return Future.failedFuture(new ApiException(429, "daily-quota-exhausted", "Daily limit reached",
                    "You have used all " + config.dailyAnswers() + " answers for today. The limit resets at "
                            + resetsAt + ".",
                    Map.of("dailyAnswerLimit", config.dailyAnswers(), "remaining", 0,
                            "resetsAt", resetsAt.toString(), "retryAfterSeconds", seconds),
                    Map.of("Retry-After", Long.toString(seconds))));
        });
    }

    public Future<Void> settle(QuotaTicket ticket, UsageRecord record) {
        return store.close(ticket.usageId(), record);
    }

    public Future<Void> refund(QuotaTicket ticket, String reason) {
        return store.refund(ticket.usageId(), reason);
    }

    private Instant dayStart() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
