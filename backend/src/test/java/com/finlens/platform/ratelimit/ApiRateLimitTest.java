package com.finlens.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.platform.http.Problem;
import com.finlens.testing.TestApp;
import com.finlens.testing.Waits;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ApiRateLimitTest {

    private static final int LIMIT = 10;

    @Test
    @DisplayName("Two backend replicas on one database share one per-user API budget: past it every request is a 429")
    void budgetHoldsAcrossReplicas() {
        Map<String, String> limited = Map.of("FINLENS_API_RATE_PER_MINUTE", Integer.toString(LIMIT));
        try (TestApp first = TestApp.start(limited);
             TestApp second = TestApp.start(Map.of("FINLENS_API_RATE_PER_MINUTE", Integer.toString(LIMIT),
                     "FINLENS_DB_URL", first.app().config().db().url()))) {
            // The budget is per minute: start early in a minute so the whole burst falls into one window.
            Waits.until(Duration.ofSeconds(70), () -> Instant.now().getEpochSecond() % 60 < 40);
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
}
