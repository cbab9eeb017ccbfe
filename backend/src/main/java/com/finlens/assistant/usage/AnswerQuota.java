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
 * Per-user daily answer quota over a {@link UsageStore}. Days are UTC; an answer counts on the day it started. The
 * limit is exact: a user's answers starting at the same instant are charged one after another to the day's counter,
 * and an answer past the limit is not recorded at all ({@link UsageStore#openWithin}).
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
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return store.countCharged(userId, today)
                .map(used -> new QuotaStatus(config.dailyAnswers(), used, resetOf(today)));
    }

    /** Counts one answer, or fails with 429 {@code daily-quota-exhausted} when none is left today. */
    public Future<QuotaTicket> reserve(long userId, long conversationId) {
        Instant now = clock.instant();
        return store.openWithin(userId, conversationId, config.dailyAnswers(), now).compose(id -> {
            if (id != null) {
                return Future.succeededFuture(new QuotaTicket(id, userId));
            }
            Instant resetsAt = resetOf(LocalDate.ofInstant(now, ZoneOffset.UTC));
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

    private static Instant resetOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
