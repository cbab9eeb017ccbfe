package com.finlens.assistant.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.Sql;
import com.finlens.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** V70 fills the day counters from the llm_usage lines written before it, so quotas stay exact across the upgrade. */
class AnswerQuotaDaysMigrationTest {

    @Test
    @DisplayName("Each user's answers charged before the upgrade are counted per UTC day; refunded ones and deleted users' are not")
    void backfillsTheCountersFromTheLinesBefore() {
        String url = TestDatabase.freshDatabaseUrl();
        migrate(url, "66");
        long alice = user(url, "alice");
        long bob = user(url, "bob");
        line(url, alice, "2026-11-21 23:59:59.999", "completed");
        line(url, alice, "2026-11-22 00:00:00.000", "completed");
        line(url, alice, "2026-11-22 08:00:00.000", "pending");
        line(url, alice, "2026-11-22 09:00:00.000", "refunded");
        line(url, bob, "2026-11-22 10:00:00.000", "cut_off");
        line(url, bob + 1000, "2026-11-22 10:00:00.000", "completed");

        migrate(url, "70");

        assertThat(charged(url, alice, "2026-11-21")).isEqualTo(1);
        assertThat(charged(url, alice, "2026-11-22")).isEqualTo(2);
        assertThat(charged(url, bob, "2026-11-22")).isEqualTo(1);
        assertThat(Sql.count(url, "select count(*) from answer_quota_days")).isEqualTo(3);
    }

    private static void migrate(String url, String target) {
        Flyway.configure().dataSource(url, "root", "").locations("classpath:db/migration").target(target).load()
                .migrate();
    }

    private static long user(String url, String name) {
        Sql.execute(url, "insert into users (oidc_subject, email, created_at, last_seen_at)"
                + " values (?, ?, now(6), now(6))", "dev:" + name, name + "@example.com");
        return Sql.count(url, "select id from users where oidc_subject = ?", "dev:" + name);
    }

    private static void line(String url, long userId, String startedAt, String status) {
        Sql.execute(url, "insert into llm_usage (user_id, conversation_id, started_at, status) values (?, 1, ?, ?)",
                userId, startedAt, status);
    }

    private static long charged(String url, long userId, String day) {
        return Sql.count(url, "select charged from answer_quota_days where user_id = ? and day = ?", userId, day);
    }
}
