package com.finlens.assistant.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.platform.db.Futures;
import com.finlens.testing.MigratedDatabase;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQL store against the test MariaDB with the real Flyway migrations (V40 creates llm_usage). */
class SqlUsageStoreTest {

    @TempDir
    static Path dataDir;
    private static MigratedDatabase database;
    private static SqlUsageStore store;

    @BeforeAll
    static void start() throws Exception {
        database = MigratedDatabase.start(dataDir);
        store = new SqlUsageStore(database.sessions());
    }

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    @DisplayName("Opened answers count for the day until refunded, and closing one keeps its usage and cost")
    void countsClosesAndRefunds() {
        Instant morning = Instant.parse("2026-11-22T08:00:00Z");
        long first = onLoop(() -> store.openWithin(5, 100, Instant.EPOCH, Integer.MAX_VALUE, morning));
        long second = onLoop(() -> store.openWithin(5, 100, Instant.EPOCH, Integer.MAX_VALUE,
                morning.plusSeconds(60)));
        onLoop(() -> store.openWithin(6, 200, Instant.EPOCH, Integer.MAX_VALUE, morning));
        onLoop(() -> store.openWithin(5, 100, Instant.EPOCH, Integer.MAX_VALUE, morning.minusSeconds(86_400)));

        assertThat(second).isGreaterThan(first);
        assertThat(onLoop(() -> store.countCharged(5, Instant.parse("2026-11-22T00:00:00Z")))).isEqualTo(2);

        onLoop(() -> store.close(first, new UsageRecord("completed", "openai", "gpt-4o-2024-08-06", 14, 8, true, 420,
                1300, 0.0000069)));
        onLoop(() -> store.refund(second, "provider-failed"));

        assertThat(onLoop(() -> store.countCharged(5, Instant.parse("2026-11-22T00:00:00Z")))).isEqualTo(1);
        List<Object[]> rows = onLoop(() -> io.vertx.core.Future.fromCompletionStage(database.sessions()
                .withSession(s -> s.createNativeQuery("select status, provider, prompt_tokens, completion_tokens,"
                        + " first_token_ms, estimated_cost_usd, refund_reason from llm_usage where user_id = 5"
                        + " order by id", Object[].class).getResultList()).subscribeAsCompletionStage()));
        assertThat(rows.get(0)[0]).isEqualTo("completed");
        assertThat(rows.get(0)[1]).isEqualTo("openai");
        assertThat(((Number) rows.get(0)[2]).intValue()).isEqualTo(14);
        assertThat(((Number) rows.get(0)[5]).doubleValue()).isEqualTo(0.000007);
        assertThat(rows.get(1)[0]).isEqualTo("refunded");
        assertThat(rows.get(1)[6]).isEqualTo("provider-failed");
    }

    @Test
    @DisplayName("An answer is recorded only while the answers charged since the day's start are below the limit")
    void opensOnlyBelowTheLimit() {
        Instant day = Instant.parse("2026-11-23T00:00:00Z");
        Instant noon = day.plusSeconds(12 * 3600);
        onLoop(() -> store.openWithin(7, 300, Instant.EPOCH, Integer.MAX_VALUE, day.minusSeconds(60)));
        Long one = onLoop(() -> store.openWithin(7, 300, day, 2, noon));
        Long two = onLoop(() -> store.openWithin(7, 300, day, 2, noon.plusSeconds(1)));
        Long three = onLoop(() -> store.openWithin(7, 300, day, 2, noon.plusSeconds(2)));

        assertThat(one).isNotNull();
        assertThat(two).isNotNull();
        assertThat(three).isNull();
        assertThat(onLoop(() -> store.countCharged(7, day))).isEqualTo(2);
        onLoop(() -> store.refund(two, "provider-failed"));
        assertThat(onLoop(() -> store.openWithin(7, 300, day, 2, noon.plusSeconds(3)))).isNotNull();
    }

    @Test
    @DisplayName("Twenty answers one user starts at once are charged up to the limit and not one more")
    void chargesConcurrentAnswersExactlyUpToTheLimit() {
        long userId = onLoop(() -> Futures.toFuture(database.sessions().withTransaction(s -> s.createNativeQuery(
                        "insert into users (oidc_subject, email, created_at, last_seen_at)"
                                + " values ('dev:quota@example.com', 'quota@example.com', now(6), now(6))")
                .executeUpdate()
                .chain(() -> s.createNativeQuery("select last_insert_id()", Long.class).getSingleResult()))));
        Instant day = Instant.parse("2026-11-24T00:00:00Z");
        Instant noon = day.plusSeconds(12 * 3600);

        List<Long> opened = onLoop(() -> Future.all(IntStream.range(0, 20)
                        .mapToObj(i -> store.openWithin(userId, 400, day, 5, noon)).toList())
                .map(all -> all.<Long>list()));

        assertThat(opened.stream().filter(Objects::nonNull)).hasSize(5);
        assertThat(onLoop(() -> store.countCharged(userId, day))).isEqualTo(5);
    }

    @Test
    @DisplayName("Its queries are planned once: a second answer's reuse every plan the first one made")
    void reusesItsQueryPlans() {
        Statistics statistics = database.sessions().getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            Instant day = Instant.parse("2026-11-25T00:00:00Z");
            onLoop(() -> store.openWithin(8, 500, day, 10, day.plusSeconds(60)));
            onLoop(() -> store.countCharged(8, day));
            long missesAfterFirst = statistics.getQueryPlanCacheMissCount();
            long hitsAfterFirst = statistics.getQueryPlanCacheHitCount();

            onLoop(() -> store.openWithin(8, 500, day, 10, day.plusSeconds(120)));
            onLoop(() -> store.countCharged(8, day));

            assertThat(statistics.getQueryPlanCacheMissCount()).isEqualTo(missesAfterFirst);
            assertThat(statistics.getQueryPlanCacheHitCount() - hitsAfterFirst).isGreaterThanOrEqualTo(4);
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    private static <T> T onLoop(Supplier<Future<T>> work) {
        return database.onLoop(work);
    }
}
