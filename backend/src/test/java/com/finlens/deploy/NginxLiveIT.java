package com.finlens.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.Tools;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment's nginx configuration in front of two real backend processes ({@code java -jar finlens.jar})
 * sharing one database, all on loopback: the production topology minus Docker. The first instance starts the
 * embedded MariaDB on a known port; the second uses it as its external database, as replicas share MySQL.
 */
@DisplayName("nginx in front of two running Finlens backends")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NginxLiveIT {

    private static final int LIMIT_SECONDS = 300;

    @TempDir
    static Path dir;

    private static ManagedProcess first;
    private static ManagedProcess second;
    private static NginxSite nginx;
    private static HttpClient client;
    private static int httpPort;
    private static int httpsPort;
    private static String sessionCookie;

    @BeforeAll
    static void startStack() throws Exception {
        Tools.require("nginx");
        Tools.require("openssl");
        Tools.require("envsubst");
        String jarProperty = System.getProperty("finlens.jar");
        Assumptions.assumeTrue(jarProperty != null, "finlens.jar is set by failsafe after `package`");
        Path jar = Path.of(jarProperty);
        assertThat(jar).as("the packaged backend").isRegularFile();

        NginxSite.readableByWorkers(dir);
        httpPort = Ports.free();
        httpsPort = Ports.free();
        int firstPort = Ports.free();
        int secondPort = Ports.free();
        int databasePort = Ports.free();

        String databaseUrl = "jdbc:mariadb://127.0.0.1:" + databasePort + "/finlens";
        first = startBackend(jar, "first", firstPort, Map.of("FINLENS_EMBEDDED_DB_PORT", Integer.toString(databasePort)));
        // The second replica may start as soon as the shared database exists; Flyway serialises the migrations.
        awaitDatabase(first, databaseUrl);
        second = startBackend(jar, "second", secondPort, Map.of(
                "FINLENS_DB_URL", databaseUrl,
                "FINLENS_DB_USER", "root",
                "FINLENS_DB_PASSWORD", ""));
        awaitReady(first, firstPort);
        awaitReady(second, secondPort);

        Path certs = dir.resolve("certs");
        TestTls.selfSigned(certs);
        nginx = NginxSite.render(dir.resolve("nginx"), NginxSite.loopbackEnvironment(httpPort, httpsPort, certs,
                dir.resolve("webroot"), "127.0.0.1:" + firstPort));
        nginx.addReplica("127.0.0.1:" + firstPort, "127.0.0.1:" + secondPort);
        nginx.start(httpsPort);
        client = TestTls.client(certs.resolve("fullchain.pem"));
    }

    @AfterAll
    static void stopStack() {
        for (AutoCloseable process : new AutoCloseable[] {nginx, second, first}) {
            if (process != null) {
                try {
                    process.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Test
    @Order(1)
    @DisplayName("plain HTTP is redirected to HTTPS")
    void redirectsToHttps() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + httpPort + "/chat?from=test")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue("https://localhost:" + httpsPort + "/chat?from=test");
    }

    @Test
    @Order(2)
    @DisplayName("pages carry one HSTS header, nginx's security headers and the backend's CSP")
    void securityHeaders() throws Exception {
        HttpResponse<String> response = send(request("/").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Strict-Transport-Security")).containsExactly("max-age=63072000; includeSubDomains");
        assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(response.headers().firstValue("Server")).hasValue("nginx");
    }

    @Test
    @Order(3)
    @DisplayName("/metrics is not served through nginx")
    void hidesMetrics() throws Exception {
        assertThat(send(request("/metrics").GET()).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(3)
    @DisplayName("the web's assets and the clients' shared answer-stream module come through /static/ with a week of caching")
    void servesStaticAssets() throws Exception {
        for (String asset : List.of("/static/css/app.css", "/static/js/chat.js", "/static/lib/answer-stream.js",
                "/static/lib/problem.js")) {
            HttpResponse<String> response = send(request(asset).GET());
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).as(asset).hasValue("max-age=604800");
        }
        assertThat(send(request("/static/lib/answer-stream.js").GET()).body()).contains("export async function readAnswerStream");
    }

    @Test
    @Order(4)
    @DisplayName("a session made on one replica is honoured by both")
    void sessionsAreShared() throws Exception {
        HttpResponse<String> signIn = send(request("/auth/dev")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://localhost:" + httpsPort)
                .POST(HttpRequest.BodyPublishers.ofString("email=alice%40example.com")));
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(303);
        sessionCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];

        // nginx alternates between the two replicas; every answer must know the session.
        for (int i = 0; i < 4; i++) {
            JsonObject session = new JsonObject(send(signedIn("/api/v1/session").GET()).body());
            assertThat(session.getBoolean("signedIn")).isTrue();
        }
    }

    @Test
    @Order(5)
    @DisplayName("an answer streams through nginx event by event")
    void answerStreams() throws Exception {
        String csrf = new JsonObject(send(signedIn("/api/v1/session").GET()).body()).getString("csrfToken");
        HttpResponse<String> created = send(unsafe("/api/v1/conversations", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = new JsonObject(created.body()).getValue("id").toString();

        HttpResponse<InputStream> stream = client.send(unsafe("/api/v1/conversations/" + id + "/messages", csrf)
                        .header("Accept", "text/event-stream").header("Accept-Encoding", "gzip")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"content\":\"How did Samsung Electronics do in the last quarter compared with SK hynix?\"}")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        // nginx never compresses the stream; the backend may (flushing per event), as a browser would accept.
        boolean gzip = stream.headers().firstValue("Content-Encoding").filter("gzip"::equals).isPresent();

        List<Arrival> arrivals = new ArrayList<>();
        int reads = 0;
        StringBuilder pending = new StringBuilder();
        try (InputStream body = gzip ? new GZIPInputStream(stream.body(), 512) : stream.body()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = body.read(buffer)) != -1) {
                reads++;
                pending.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                int end;
                while ((end = pending.indexOf("\n\n")) >= 0) {
                    String event = pending.substring(0, end);
                    pending.delete(0, end + 2);
                    if (event.contains("data:")) {
                        arrivals.add(new Arrival(reads, System.nanoTime(), event));
                    }
                }
            }
        }
        int lastRead = reads;
        // Buffered by a proxy, the whole answer would arrive at the end in one or two reads.
        assertThat(arrivals).hasSizeGreaterThan(5);
        assertThat(arrivals.stream().map(Arrival::read).distinct().count()).isGreaterThan(3);
        assertThat(arrivals.get(0).read()).isLessThan(lastRead);
        assertThat(arrivals.get(0).nanos()).isLessThan(arrivals.get(arrivals.size() - 1).nanos());
    }

    @Test
    @Order(6)
    @DisplayName("nginx answers a burst of sign-in requests with 429")
    void rateLimitsSignIn() throws Exception {
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            responses.add(send(request("/auth/dev").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("email=not-an-address"))));
        }

        assertThat(responses).anySatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.body()).contains("nginx");
        });
    }

    @Test
    @Order(7)
    @DisplayName("requests keep succeeding after one backend is killed")
    void survivesAKilledBackend() throws Exception {
        second.kill();

        for (int i = 0; i < 6; i++) {
            assertThat(send(request("/health/live").GET()).statusCode()).isEqualTo(200);
            assertThat(new JsonObject(send(signedIn("/api/v1/session").GET()).body()).getBoolean("signedIn")).isTrue();
        }
        String csrf = new JsonObject(send(signedIn("/api/v1/session").GET()).body()).getString("csrfToken");
        for (int i = 0; i < 2; i++) {
            assertThat(send(unsafe("/api/v1/conversations", csrf).POST(HttpRequest.BodyPublishers.ofString("{}")))
                    .statusCode()).isEqualTo(201);
        }
    }

    private record Arrival(int read, long nanos, String event) {
    }

    private static ManagedProcess startBackend(Path jar, String name, int port, Map<String, String> extra) throws Exception {
        Path data = dir.resolve(name);
        Files.createDirectories(data);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FINLENS_HOST", "127.0.0.1");
        env.put("FINLENS_PORT", Integer.toString(port));
        env.put("FINLENS_MANAGEMENT_PORT", "0");
        env.put("FINLENS_PUBLIC_URL", "https://localhost:" + httpsPort);
        env.put("FINLENS_DATA_DIR", data.toString());
        env.put("FINLENS_TRUST_FORWARDED_HEADERS", "true");
        env.putAll(extra);
        String java = ProcessHandle.current().info().command().orElse("java");
        return ManagedProcess.start(name, data, env, LIMIT_SECONDS, List.of(java, "-Xmx384m",
                "-Dorg.jboss.logging.provider=slf4j", "-jar", jar.toString()));
    }

    private static void awaitDatabase(ManagedProcess owner, String url) {
        for (int attempt = 0; attempt < 240; attempt++) {
            if (!owner.isAlive()) {
                throw new AssertionError(owner + " exited:\n" + owner.log());
            }
            try (Connection connection = DriverManager.getConnection(url, "root", "")) {
                return;
            } catch (SQLException notYet) {
                Ports.sleep(500);
            }
        }
        throw new AssertionError("the embedded database never answered at " + url + ":\n" + owner.log());
    }

    private static void awaitReady(ManagedProcess backend, int port) throws Exception {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int attempt = 0; attempt < 240; attempt++) {
            if (!backend.isAlive()) {
                throw new AssertionError(backend + " exited:\n" + backend.log());
            }
            try {
                HttpResponse<String> ready = plain.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Ports.sleep(500);
        }
        throw new AssertionError(backend + " never became ready:\n" + backend.log());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + path)).timeout(Duration.ofSeconds(30));
    }

    private static HttpRequest.Builder signedIn(String path) {
        return request(path).header("Cookie", sessionCookie);
    }

    private static HttpRequest.Builder unsafe(String path, String csrf) {
        return signedIn(path).header("X-CSRF-Token", csrf).header("Origin", "https://localhost:" + httpsPort)
                .header("Content-Type", "application/json");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
