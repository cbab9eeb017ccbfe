package com.finlens.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.SharedApp;
import com.finlens.testing.TestApp;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DevSignInHostTest {

    @Test
    @DisplayName("With development sign-in on, a request naming another host (DNS rebinding) is refused with 421 and signs nobody in")
    void foreignHostIsRefused() {
        TestApp app = SharedApp.get();
        HttpResponse<Buffer> signIn = TestApp.await(app.client().post("/auth/dev").virtualHost("rebind.attacker.example")
                .sendForm(MultiMap.caseInsensitiveMultiMap().add("email", "victim@example.com")));
        assertThat(signIn.statusCode()).isEqualTo(421);
        assertThat(signIn.cookies()).isEmpty();

        HttpResponse<Buffer> api = TestApp.await(app.client().get("/api/v1/session").virtualHost("127.finlens.example.com")
                .putHeader("Accept", "application/json").send());
        assertThat(api.statusCode()).isEqualTo(421);
        assertThat(api.getHeader("Content-Type")).startsWith("application/problem+json");
        assertThat(api.bodyAsJsonObject().getString("type")).endsWith("host-not-allowed");
    }

    @Test
    @DisplayName("Requests naming localhost or 127.0.0.1 (with the port) are served, over HTTP/1.1 and after an h2c upgrade")
    void loopbackHostIsServed() throws Exception {
        TestApp app = SharedApp.get();
        // java.net.http tries HTTP/2 (h2c upgrade): the host then arrives as :authority, not as a Host header.
        java.net.http.HttpResponse<String> h2c = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.baseUrl() + "/health/live")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(h2c.statusCode()).isEqualTo(200);
        assertThat(h2c.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_2);
        assertThat(TestApp.await(app.client().get("/health/live").virtualHost("localhost").send()).statusCode())
                .isEqualTo(200);
        assertThat(TestApp.await(app.client().get("/health/live").send()).statusCode()).isEqualTo(200);
    }
}
