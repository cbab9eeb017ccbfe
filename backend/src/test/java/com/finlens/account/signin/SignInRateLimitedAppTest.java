package com.finlens.account.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.TestApp;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sign-in limiter in the real application, with a budget small enough to exhaust on purpose. */
class SignInRateLimitedAppTest {

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(Map.of("FINLENS_SIGNIN_RATE_PER_MINUTE", "3"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @DisplayName("The fourth sign-in within a minute from one address is refused with 429 problem+json and Retry-After")
    void fourthSignInIsRefused() {
        for (int i = 0; i < 3; i++) {
            assertThat(devSignIn("limit-" + i + "@example.com").statusCode()).isEqualTo(303);
        }
        HttpResponse<Buffer> refused = devSignIn("limit-3@example.com");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).matches("[1-9][0-9]*");
        assertThat(refused.getHeader("Content-Type")).startsWith("application/problem+json");
    }

    private HttpResponse<Buffer> devSignIn(String email) {
        return TestApp.await(app.client().post("/auth/dev").putHeader("Accept", "application/json")
                .sendForm(MultiMap.caseInsensitiveMultiMap().add("email", email)));
    }
}
