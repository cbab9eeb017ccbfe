package com.finlens.account.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.TestApp;
import com.finlens.testing.TestDatabase;
import com.finlens.testing.Waits;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one database, as in production behind a load balancer. Each keeps resolved sessions in memory for
 * FINLENS_AUTH_CACHE_TTL (here 1 s): a session ended on one replica stops working there at once and on the other
 * within that bound.
 */
class RevocationAcrossReplicasTest {

    private static final Duration BOUND = Duration.ofSeconds(1);
    private static TestApp first;
    private static TestApp second;

    @BeforeAll
    static void start() {
        Map<String, String> shared = Map.of("FINLENS_DB_URL", TestDatabase.freshDatabaseUrl(),
                "FINLENS_AUTH_CACHE_TTL", "1s");
        first = TestApp.start(shared);
        second = TestApp.start(shared);
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    @DisplayName("A session signed out on one replica stops working on that replica at once and on the other within the bound")
    void signOutReachesEveryReplica() {
        TestApp.Browser browser = first.signIn("replicas@example.com");
        String cookie = browser.sessionCookie();
        assertThat(signedIn(first, cookie)).isTrue();
        assertThat(signedIn(second, cookie)).isTrue();

        assertThat(TestApp.await(first.client().post("/auth/logout").putHeader("Cookie", cookie)
                .putHeader("X-CSRF-Token", browser.csrfToken()).send()).statusCode()).isEqualTo(303);

        assertThat(signedIn(first, cookie)).isFalse();
        // Bounded wait: the other replica's memory of the session expires after BOUND; allow for a busy machine.
        Waits.until(BOUND.plusSeconds(14), () -> !signedIn(second, cookie));
        assertThat(TestApp.await(second.client().get("/api/v1/conversations").putHeader("Cookie", cookie).send())
                .statusCode()).isEqualTo(401);
    }

    private static boolean signedIn(TestApp app, String cookie) {
        JsonObject body = TestApp.await(app.client().get("/api/v1/session").putHeader("Cookie", cookie).send())
                .bodyAsJsonObject();
        return body.getBoolean("signedIn");
    }
}
