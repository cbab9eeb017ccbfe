package com.finlens.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.SharedApp;
import com.finlens.testing.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HealthDocsMetricsTest {

    private final WebClient client = SharedApp.get().client();

    @Test
    @DisplayName("Liveness and readiness answer UP while the database answers")
    void health() {
        assertThat(TestApp.await(client.get("/health/live").send()).bodyAsJsonObject().getString("status"))
                .isEqualTo("UP");
        HttpResponse<Buffer> ready = TestApp.await(client.get("/health/ready").send());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.bodyAsJsonObject().getString("database")).isEqualTo("UP");
    }

    @Test
    @DisplayName("The OpenAPI document describes the conversation routes and Swagger UI is served locally")
    void openApi() {
        JsonObject doc = TestApp.await(client.get("/api/v1/openapi.json").send()).bodyAsJsonObject();
        assertThat(doc.getString("openapi")).startsWith("3.");
        assertThat(doc.getJsonObject("paths").fieldNames()).contains("/conversations", "/conversations/{id}/messages",
                "/session");
        assertThat(doc.getJsonObject("components").getJsonObject("schemas").fieldNames()).contains("Problem",
                "Conversation", "Message");
        HttpResponse<Buffer> docs = TestApp.await(client.get("/api/docs").send());
        assertThat(docs.statusCode()).isEqualTo(302);
        HttpResponse<Buffer> ui = TestApp.await(client.get(docs.getHeader("Location")).send());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.bodyAsString()).contains("swagger-ui-bundle.js").doesNotContain("petstore");
        assertThat(TestApp.await(client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").send()).statusCode())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("Prometheus metrics count requests by route template, method and status class (never by raw path), "
            + "with JVM figures and the event-loop lag, on the loopback management port only")
    void metrics() {
        TestApp app = SharedApp.get();
        TestApp.await(client.get("/health/live").send());
        TestApp.Browser user = SharedApp.newUser();
        user.get("/api/v1/companies/005930");
        user.get("/api/v1/conversations/987654321");
        TestApp.await(client.get("/no/such/page/metrics-probe").send());
        String metrics = TestApp.await(client.get(app.managementPort(), "127.0.0.1", "/metrics").send()).bodyAsString();
        assertThat(metrics)
                .contains("finlens_http_server_requests_seconds_count{method=\"GET\",route=\"/health/live\","
                        + "status=\"2xx\"")
                .contains("route=\"/api/v1/companies/:krxCode\",status=\"2xx\"")
                .contains("route=\"/api/v1/conversations/:id\",status=\"4xx\"")
                .contains("route=\"unrouted\"")
                .contains("finlens_http_server_requests_seconds_bucket{method=\"GET\",route=\"/health/live\"")
                .contains("finlens_http_server_active_requests")
                .doesNotContain("005930").doesNotContain("987654321").doesNotContain("metrics-probe")
                .contains("jvm_memory_used_bytes")
                .contains("finlens_event_loop_lag_seconds_count").contains("finlens_event_loop_lag_seconds_max");

        HttpResponse<Buffer> onAppPort = TestApp.await(client.get("/metrics").send());
        assertThat(onAppPort.statusCode()).isEqualTo(404);
        assertThat(onAppPort.bodyAsString()).doesNotContain("jvm_memory_used_bytes");
    }
}
