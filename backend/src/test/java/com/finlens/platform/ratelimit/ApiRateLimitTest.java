package com.finlens.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.platform.http.Problem;
import com.finlens.testing.TestApp;
import com.finlens.testing.Waits;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ApiRateLimitTest {

    private static final int LIMIT = 10;
    /** A limit of 40 claims blocks of 2, growing to 4 (a tenth of it) for a user sending fast. */
    private static final int BURST_LIMIT = 40;
    private static final int BURST_MAX_BLOCK = 4;

    @Test
    @DisplayName("Two backend replicas on one database share one per-user API budget: past it every request is a 429")
    void budgetHoldsAcrossReplicas() {
        try (Replicas replicas = Replicas.start(LIMIT)) {
            TestApp first = replicas.first();
            TestApp second = replicas.second();
            // Each sign-in reads /api/v1/session once: two of the ten requests are spent here.
            TestApp.Browser onFirst = first.signIn("budget@example.com");
            TestApp.Browser onSecond = second.signIn("budget@example.com");
            assertThat(onSecond.userId()).isEqualTo(onFirst.userId());
            int left = LIMIT - 2;

            List<Integer> statuses = new ArrayList<>();
            HttpResponse<Buffer> refused = null;
            for (int i = 0; i < 2 * LIMIT; i++) {
                HttpResponse<Buffer> r = (i % 2 == 0 ? onFirst : onSecond).get("/api/v1/conversations");
                statuses.add(r.statusCode());
                if (r.statusCode() == 429 && refused == null) {
                    refused = r;
                }
            }

            assertThat(statuses.subList(0, left)).containsOnly(200);
            assertThat(statuses.subList(left, 2 * LIMIT)).containsOnly(429);
            assertThat(refused.getHeader("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
            assertThat(refused.bodyAsJsonObject().getString("type")).isEqualTo(Problem.TYPE_BASE + "rate-limited");
            assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 61);
            TestApp.Browser someoneElse = second.signIn("other-budget@example.com");
            assertThat(someoneElse.get("/api/v1/conversations").statusCode()).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("Concurrent requests on two replicas get exactly the budget between them, and each replica claims "
            + "it from the database one block at a time (never a claim per waiting request)")
    void concurrentRequestsShareClaims() throws Exception {
        try (Replicas replicas = Replicas.start(BURST_LIMIT)) {
            TestApp first = replicas.first();
            TestApp second = replicas.second();
            TestApp.Browser onFirst = first.signIn("burst@example.com");
            TestApp.Browser onSecond = second.signIn("burst@example.com");
            int left = BURST_LIMIT - 2;

            List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                sent.add(first.client().get("/api/v1/conversations").putHeader("Cookie", onFirst.sessionCookie())
                        .send());
                sent.add(second.client().get("/api/v1/conversations").putHeader("Cookie", onSecond.sessionCookie())
                        .send());
            }
            TestApp.await(Future.join(sent));

            long ok = sent.stream().filter(f -> f.result().statusCode() == 200).count();
            long refused = sent.stream().filter(f -> f.result().statusCode() == 429).count();
            assertThat(ok).isEqualTo(left);
            assertThat(refused).isEqualTo(sent.size() - left);
            // What the replicas claimed: every block but each replica's last was spent in full.
            assertThat(claimedHits(first, onFirst.userId())).isBetween((long) BURST_LIMIT,
                    (long) BURST_LIMIT + 2 * BURST_MAX_BLOCK);
        }
    }

    /** Two backend replicas on one database with the same per-user limit, ready early in a minute. */
    private record Replicas(TestApp first, TestApp second) implements AutoCloseable {

        static Replicas start(int limit) {
            TestApp first = TestApp.start(Map.of("FINLENS_API_RATE_PER_MINUTE", Integer.toString(limit)));
            TestApp second = TestApp.start(Map.of("FINLENS_API_RATE_PER_MINUTE", Integer.toString(limit),
                    "FINLENS_DB_URL", first.app().config().db().url()));
            // The budget is per minute: start early in a minute so the whole burst falls into one window.
            Waits.until(Duration.ofSeconds(70), () -> Instant.now().getEpochSecond() % 60 < 40);
            return new Replicas(first, second);
        }

        @Override
        public void close() {
            second.close();
            first.close();
        }
    }

    private static long claimedHits(TestApp app, long userId) throws SQLException {
        try (Connection c = DriverManager.getConnection(app.app().config().db().url(), "root", "");
             PreparedStatement statement = c.prepareStatement(
                     "select coalesce(sum(hits), 0) from api_rate_windows where user_id = ?")) {
            statement.setLong(1, userId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
