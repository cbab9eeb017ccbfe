package com.finlens.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.finlens.testing.Tools;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rendered nginx configuration in front of two stand-in backend replicas, all on loopback. */
@DisplayName("nginx in front of two backend replicas")
class NginxProxyTest {

    @TempDir
    Path dir;

    private FakeBackend first;
    private FakeBackend second;
    private NginxSite nginx;
    private HttpClient client;
    private int httpPort;
    private int httpsPort;

    @BeforeEach
    void start() throws IOException {
        Tools.require("nginx");
        Tools.require("openssl");
        NginxSite.readableByWorkers(dir);
        first = FakeBackend.start("first");
        second = FakeBackend.start("second");
        httpPort = Ports.free();
        httpsPort = Ports.free();
        Path certs = dir.resolve("certs");
        TestTls.selfSigned(certs);
        Files.createDirectories(dir.resolve("webroot/.well-known/acme-challenge"));
        nginx = NginxSite.render(dir.resolve("nginx"),
                NginxSite.loopbackEnvironment(httpPort, httpsPort, certs, dir.resolve("webroot"), first.address()));
        nginx.addReplica(first.address(), second.address());
        nginx.start(httpsPort);
        client = TestTls.client(certs.resolve("fullchain.pem"));
    }

    @AfterEach
    void stop() {
        if (nginx != null) {
            nginx.close();
        }
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    @DisplayName("plain HTTP redirects to the same URL over HTTPS")
    void redirectsToHttps() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + httpPort + "/chat/42?q=1")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue("https://localhost:" + httpsPort + "/chat/42?q=1");
    }

    @Test
    @DisplayName("plain HTTP serves the ACME challenge files from the webroot")
    void servesAcmeChallenge() throws Exception {
        Files.writeString(dir.resolve("webroot/.well-known/acme-challenge/token-1"), "token-1.key-authorization");

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + httpPort + "/.well-known/acme-challenge/token-1")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("token-1.key-authorization");
    }

    @Test
    @DisplayName("HTTPS responses carry one HSTS header and the security headers, without the nginx version")
    void securityHeaders() throws Exception {
        HttpResponse<String> response = get("/api/v1/session");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Strict-Transport-Security"))
                .containsExactly("max-age=63072000; includeSubDomains");
        assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'self'");
        assertThat(response.headers().firstValue("Server")).hasValue("nginx");
    }

    @Test
    @DisplayName("the backend learns the client address, scheme and host from nginx, not from the client")
    void forwardsClientFacts() throws Exception {
        HttpResponse<String> response = client.send(request("/api/v1/session").header("X-Forwarded-For", "203.0.113.9").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).contains("\"xff\":\"127.0.0.1\"", "\"proto\":\"https\"",
                "\"host\":\"localhost:" + httpsPort + "\"");
    }

    @Test
    @DisplayName("an answer stream (POST /api/v1/conversations/{id}/messages) reaches the client event by event, even when the client accepts gzip")
    void streamsEventsUnbuffered() throws Exception {
        HttpRequest request = request("/api/v1/conversations/42/messages").header("Accept-Encoding", "gzip")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"hi\"}"))
                .build();
        first.allowNextEvent();
        second.allowNextEvent();

        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        List<String> recorded = FakeBackend.recordedAnswerEvents();
        List<String> received = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            // The backend sends each next event only after the client has seen the previous one: a buffering
            // proxy would hold an event back and the stream would never progress.
            for (int i = 0; i < recorded.size(); i++) {
                received.add(nextEvent(reader));
                first.allowNextEvent();
                second.allowNextEvent();
            }
            assertThat(reader.lines().filter(line -> !line.isBlank())).isEmpty();
        }
        assertThat(received).containsExactlyElementsOf(recorded);
    }

    @Test
    @DisplayName("assets under /static/ (pages' CSS, the vendored API docs) are cacheable by browsers for a week")
    void cachesStaticAssets() throws Exception {
        assertThat(get("/static/css/app.css").headers().firstValue("Cache-Control")).hasValue("max-age=604800");
        assertThat(get("/static/vendor/swagger-ui/swagger-ui.css").headers().firstValue("Cache-Control"))
                .hasValue("max-age=604800");
        assertThat(get("/api/v1/session").headers().firstValue("Cache-Control")).isEmpty();
    }

    @Test
    @DisplayName("sign-in routes are rate limited per client with 429")
    void rateLimitsAuth() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(post("/auth/dev").statusCode());
        }

        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses).contains(429);
        HttpResponse<String> limited = post("/auth/dev");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    @DisplayName("paths the backend does not serve (the old /chat/stream/ and /vendor/ guesses) are passed through and 404")
    void inventedPathsAre404() throws Exception {
        assertThat(get("/chat/stream/c-1").statusCode()).isEqualTo(404);
        assertThat(get("/vendor/swagger-ui/swagger-ui.css").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/echo").statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("/metrics is not reachable from outside")
    void hidesMetrics() throws Exception {
        assertThat(get("/metrics").statusCode()).isEqualTo(404);
        assertThat(get("/metrics/prometheus").statusCode()).isEqualTo(404);
        assertThat(first.paths()).isEmpty();
        assertThat(second.paths()).isEmpty();
    }

    @Test
    @DisplayName("requests spread over both replicas and keep succeeding when one replica dies")
    void survivesLosingAReplica() throws Exception {
        for (int i = 0; i < 6; i++) {
            assertThat(get("/api/v1/session").statusCode()).isEqualTo(200);
        }
        assertThat(first.paths()).isNotEmpty();
        assertThat(second.paths()).isNotEmpty();

        first.close();
        List<String> servedBy = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = get("/api/v1/session");
            assertThat(response.statusCode()).isEqualTo(200);
            servedBy.add(response.body().contains("\"second\"") ? "second" : "first");
        }
        assertThat(servedBy).containsOnly("second");
    }

    @Test
    @DisplayName("request bodies above the backend's 10 MB limit are refused by nginx with 413")
    void limitsBodySize() throws Exception {
        byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
        HttpResponse<String> response = client.send(request("/api/v1/session")
                .POST(HttpRequest.BodyPublishers.ofByteArray(tooLarge)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(first.paths()).isEmpty();
        assertThat(second.paths()).isEmpty();
    }

    @Test
    @DisplayName("requests for unknown host names get no answer on either port")
    void rejectsUnknownHosts() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), httpPort)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: scanner.example\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        try (SSLSocket tls = (SSLSocket) TestTls.trusting(dir.resolve("certs/fullchain.pem")).getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), httpsPort)) {
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName("scanner.example")));
            tls.setSSLParameters(parameters);
            tls.setSoTimeout(5000);
            assertThatThrownBy(tls::startHandshake).isInstanceOf(IOException.class);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + path))
                .timeout(Duration.ofSeconds(20));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return client.send(request(path).POST(HttpRequest.BodyPublishers.ofString("email=a%40example.com")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The next event as it was on the wire: its lines up to and including the blank line that ends it. */
    private static String nextEvent(BufferedReader reader) throws IOException {
        StringBuilder event = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            event.append(line).append('\n');
            if (line.isEmpty()) {
                return event.toString();
            }
        }
        throw new AssertionError("stream ended early after " + event);
    }
}
