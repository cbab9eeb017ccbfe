package com.finlens.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.SharedApp;
import com.finlens.testing.TestApp;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** FINLENS_HTTP_COMPRESSION: on, a client that accepts gzip gets it; on the loopback defaults nothing is compressed. */
class ResponseCompressionTest {

    private static final String DOCUMENT = "/api/v1/openapi.json";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @DisplayName("With compression on, a client that accepts gzip gets a gzip body that decodes to the same JSON")
    void compressesWhenOn() throws Exception {
        try (TestApp app = TestApp.start(Map.of("FINLENS_HTTP_COMPRESSION", "true"))) {
            HttpResponse<InputStream> gzip = get(app, "gzip");
            assertThat(gzip.statusCode()).isEqualTo(200);
            assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
            String decoded;
            try (InputStream body = new GZIPInputStream(gzip.body())) {
                decoded = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            }
            HttpResponse<InputStream> plain = get(app, null);
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
            try (InputStream body = plain.body()) {
                assertThat(new JsonObject(decoded))
                        .isEqualTo(new JsonObject(new String(body.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
    }

    @Test
    @DisplayName("On the loopback defaults a client that accepts gzip gets the body as it is")
    void doesNotCompressOverLoopbackByDefault() throws Exception {
        HttpResponse<InputStream> response = get(SharedApp.get(), "gzip");
        try (InputStream body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(new JsonObject(new String(body.readAllBytes(), StandardCharsets.UTF_8)).containsKey("paths"))
                    .isTrue();
        }
    }

    private HttpResponse<InputStream> get(TestApp app, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + DOCUMENT))
                .timeout(Duration.ofSeconds(30));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }
}
