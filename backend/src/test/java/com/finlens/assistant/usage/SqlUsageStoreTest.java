package com.finlens.assistant.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.platform.db.Futures;
import com.finlens.testing.MigratedDatabase;
import com.finlens.testing.Sql;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQL store against the test MariaDB with the real Flyway migrations (llm_usage V40, answer_quota_days V70). */
class SqlUsageStoreTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-22");
    private static final Instant NOON = Instant.parse("2026-11-22T12:00:00Z");

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
        long user = newUser("closes");
        long first = onLoop(() -> store.openWithin(user, 100, Integer.MAX_VALUE, NOON));
        long second = onLoop(() -> store.openWithin(user, 100, Integer.MAX_VALUE, NOON.plusSeconds(60)));

        assertThat(second).isGreaterThan(first);
        assertThat(onLoop(() -> store.countCharged(user, DAY))).isEqualTo(2);

        onLoop(() -> store.close(first, new UsageRecord("completed", "openai", "gpt-4o-2024-08-06", 14, 8, true, 420,
                1300, 0.0000069)));
        onLoop(() -> store.refund(second, "provider-failed"));

        assertThat(onLoop(() -> store.countCharged(user, DAY))).isEqualTo(1);
        List<Object[]> rows = onLoop(() -> Futures.toFuture(database.sessions()
                .withSession(s -> s.createNativeQuery("select status, provider, prompt_tokens, completion_tokens,"
                        + " first_token_ms, estimated_cost_usd, refund_reason from llm_usage where user_id = ?1"
                        + " order by id", Object[].class).setParameter(1, user).getResultList())));
        assertThat(rows.get(0)[0]).isEqualTo("completed");
        assertThat(rows.get(0)[1]).isEqualTo("openai");
        assertThat(((Number) rows.get(0)[2]).intValue()).isEqualTo(14);
        assertThat(((Number) rows.get(0)[5]).doubleValue()).isEqualTo(0.000007);
        assertThat(rows.get(1)[0]).isEqualTo("refunded");
        assertThat(rows.get(1)[6]).isEqualTo("provider-failed");
    }

    @Test
    @DisplayName("An answer past the day's limit is refused and leaves no line behind")
    void opensOnlyBelowTheLimit() {
        long user = newUser("limit");
        Long one = onLoop(() -> store.openWithin(user, 300, 2, NOON));
        Long two = onLoop(() -> store.openWithin(user, 300, 2, NOON.plusSeconds(1)));
        Long three = onLoop(() -> store.openWithin(user, 300, 2, NOON.plusSeconds(2)));

        assertThat(one).isNotNull();
        assertThat(two).isNotNull();
        assertThat(three).isNull();
        assertThat(onLoop(() -> store.countCharged(user, DAY))).isEqualTo(2);
        assertThat(lines(user)).isEqualTo(2);
    }

    @Test
    @DisplayName("Forty answers one user starts at once are charged up to the limit of five and not one more")
    void chargesConcurrentAnswersExactlyUpToTheLimit() {
        long user = newUser("concurrent");

        List<Long> opened = onLoop(() -> Future.all(IntStream.range(0, 40)
                        .mapToObj(i -> store.openWithin(user, 400, 5, NOON)).toList())
                .map(all -> all.<Long>list()));

        assertThat(opened.stream().filter(Objects::nonNull)).hasSize(5);
        assertThat(onLoop(() -> store.countCharged(user, DAY))).isEqualTo(5);
        assertThat(lines(user)).isEqualTo(5);
    }

    @Test
    @DisplayName("A refund frees exactly one answer, and refunding the same answer again frees no other")
    void refundFreesOneSlotOnce() {
        long user = newUser("refund");
        Long first = onLoop(() -> store.openWithin(user, 500, 2, NOON));
        onLoop(() -> store.openWithin(user, 500, 2, NOON));

        onLoop(() -> store.refund(first, "provider-failed"));
        onLoop(() -> store.refund(first, "provider-failed"));

        assertThat(onLoop(() -> store.countCharged(user, DAY))).isEqualTo(1);
        assertThat(onLoop(() -> store.openWithin(user, 500, 2, NOON))).isNotNull();
        assertThat(onLoop(() -> store.openWithin(user, 500, 2, NOON))).isNull();
    }

    @Test
    @DisplayName("Two users' answers are counted apart: one at the limit does not hold back the other")
    void usersDoNotShareACounter() {
        long full = newUser("full");
        long other = newUser("other");
        onLoop(() -> store.openWithin(full, 600, 1, NOON));

        assertThat(onLoop(() -> store.openWithin(full, 600, 1, NOON))).isNull();
        assertThat(onLoop(() -> store.openWithin(other, 601, 1, NOON))).isNotNull();
        assertThat(onLoop(() -> store.countCharged(other, DAY))).isEqualTo(1);
    }

    @Test
    @DisplayName("Yesterday's answers do not count today, and refunding one gives it back to yesterday")
    void chargesTheUtcDayAnAnswerStarted() {
        long user = newUser("midnight");
        Instant lastMillisecondOfYesterday = Instant.parse("2026-11-21T23:59:59.999Z");
        Long yesterdays = onLoop(() -> store.openWithin(user, 700, 1, lastMillisecondOfYesterday));

        assertThat(onLoop(() -> store.openWithin(user, 700, 1, Instant.parse("2026-11-22T00:00:00Z")))).isNotNull();
        onLoop(() -> store.refund(yesterdays, "provider-failed"));

        assertThat(onLoop(() -> store.countCharged(user, DAY.minusDays(1)))).isZero();
        assertThat(onLoop(() -> store.countCharged(user, DAY))).isEqualTo(1);
    }

    @Test
    @DisplayName("Deleting the account deletes its counters, and its lines can still be refunded")
    void accountDeletionCascadesToCounters() {
        long user = newUser("deleted");
        Long line = onLoop(() -> store.openWithin(user, 800, 5, NOON));

        Sql.execute(database.jdbcUrl(), "delete from users where id = ?", user);
        onLoop(() -> store.refund(line, "provider-failed"));

        assertThat(Sql.count(database.jdbcUrl(), "select count(*) from answer_quota_days where user_id = ?", user))
                .isZero();
        assertThat(Sql.count(database.jdbcUrl(),
                "select count(*) from llm_usage where id = ? and status = 'refunded'", line)).isEqualTo(1);
    }

    private static long newUser(String name) {
        return onLoop(() -> Futures.toFuture(database.sessions().withTransaction(s -> s.createNativeQuery(
                        "insert into users (oidc_subject, email, created_at, last_seen_at)"
                                + " values (?1, ?2, now(6), now(6))")
                .setParameter(1, "dev:" + name + "@example.com")
                .setParameter(2, name + "@example.com")
                .executeUpdate()
                .chain(() -> s.createNativeQuery("select last_insert_id()", Long.class).getSingleResult()))));
    }

    private static long lines(long user) {
        return Sql.count(database.jdbcUrl(), "select count(*) from llm_usage where user_id = ?", user);
    }

    private static <T> T onLoop(Supplier<Future<T>> work) {
        return database.onLoop(work);
    }
}
