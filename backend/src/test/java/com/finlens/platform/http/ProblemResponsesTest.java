package com.finlens.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.SharedApp;
import com.finlens.testing.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    @Test
    @DisplayName("The API without sign-in answers 401 problem+json with a stable type")
    void unauthorized() {
        HttpResponse<Buffer> response = TestApp.await(SharedApp.get().client().get("/api/v1/conversations").send());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
        JsonObject problem = response.bodyAsJsonObject();
        assertThat(problem.getString("type")).isEqualTo("https://finlens.app/problems/unauthorized");
        assertThat(problem.getInteger("status")).isEqualTo(401);
        assertThat(problem.getString("instance")).isEqualTo("/api/v1/conversations");
    }

    @Test
    @DisplayName("An unknown API path is a 404 problem; an unknown page is the friendly HTML page")
    void notFound() {
        TestApp.Browser alice = SharedApp.newUser();
        HttpResponse<Buffer> api = alice.get("/api/v1/nothing-here");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.getHeader("Content-Type")).isEqualTo("application/problem+json");

        HttpResponse<Buffer> page = TestApp.await(alice.request(io.vertx.core.http.HttpMethod.GET, "/nothing-here")
                .putHeader("Accept", "text/html").putHeader("Accept-Language", "ko-KR,ko;q=0.9").send());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.getHeader("Content-Type")).startsWith("text/html");
        assertThat(page.bodyAsString()).contains("페이지를 찾을 수 없습니다").doesNotContain("Exception");
    }

    @Test
    @DisplayName("Malformed JSON is a 400 problem and a non-JSON body a 415 problem")
    void malformed() {
        TestApp.Browser alice = SharedApp.newUser();
        HttpResponse<Buffer> malformed = TestApp.await(alice.request(io.vertx.core.http.HttpMethod.POST,
                "/api/v1/conversations").putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{")));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.bodyAsJsonObject().getString("type")).endsWith("/malformed-json");

        HttpResponse<Buffer> text = TestApp.await(alice.request(io.vertx.core.http.HttpMethod.POST,
                "/api/v1/conversations/1/messages").putHeader("Content-Type", "text/plain")
                .sendBuffer(Buffer.buffer("hi")));
        assertThat(text.statusCode()).isIn(404, 415);
    }

    @Test
    @DisplayName("Every response carries the security headers and a request id")
    void securityHeaders() {
        HttpResponse<Buffer> response = TestApp.await(SharedApp.get().client().get("/").send());
        assertThat(response.getHeader("Content-Security-Policy")).contains("script-src 'self'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeader("X-Request-Id")).isNotBlank();
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(response.getHeader("Permissions-Policy")).contains("camera=()");
    }

    @Test
    @DisplayName("A JSON response is no document: its policy allows nothing, and it is never framed or sniffed")
    void jsonSecurityHeaders() {
        for (String path : List.of("/api/v1/session", "/api/v1/no-such-thing", "/health/live")) {
            HttpResponse<Buffer> response = TestApp.await(SharedApp.get().client().get(path).send());
            assertThat(response.getHeader("Content-Security-Policy")).as(path)
                    .isEqualTo("default-src 'none'; frame-ancestors 'none'");
            assertThat(response.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(response.getHeader("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(response.getHeader("Permissions-Policy")).as(path).isNull();
        }
    }

    @Test
    @DisplayName("A body over the configured limit is refused with a 413 problem")
    void payloadTooLarge() {
        try (TestApp small = TestApp.start(Map.of("FINLENS_BODY_LIMIT_BYTES", "2048"))) {
            TestApp.Browser alice = small.signIn("big@example.com");
            long id = alice.post("/api/v1/conversations", new JsonObject()).bodyAsJsonObject().getLong("id");
            HttpResponse<Buffer> response = alice.post("/api/v1/conversations/" + id + "/messages",
                    new JsonObject().put("content", "x".repeat(3000)));
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.bodyAsJsonObject().getString("type")).endsWith("/payload-too-large");
        }
    }
}
