package com.finlens.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.TestApp;
import com.finlens.testing.TestDatabase;
import com.finlens.testing.Waits;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two replicas of the app on one database, both polling every second: the database lease lets only one poll. */
class DisclosurePollLeaseTest {

    private static TestApp first;
    private static TestApp second;

    @BeforeAll
    static void start() {
        Map<String, String> env = Map.of("FINLENS_DB_URL", TestDatabase.freshDatabaseUrl(),
                "FINLENS_WATCHLIST_POLL_INTERVAL", "1s");
        first = TestApp.start(env);
        second = TestApp.start(env);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    @DisplayName("With two replicas on one database only the lease holder asks DART, and the feed has each filing once")
    void onlyTheLeaseHolderPolls() {
        TestApp.Browser user = first.signIn("lease@example.com");
        user.send(HttpMethod.PUT, "/api/v1/watchlist/005930", null);

        Waits.until(Duration.ofSeconds(60),
                () -> WatchlistMetrics.companyPolls(first) + WatchlistMetrics.companyPolls(second) >= 4);

        long byFirst = WatchlistMetrics.companyPolls(first);
        long bySecond = WatchlistMetrics.companyPolls(second);
        assertThat(Math.min(byFirst, bySecond)).as("polls by the replica without the lease (first %d, second %d)",
                byFirst, bySecond).isZero();
        assertThat(user.get("/api/v1/watchlist/feed").bodyAsJsonObject().getJsonArray("items")).hasSize(2);
    }
}
