package com.finlens.testing;

import com.finlens.App;
import com.finlens.AppConfig;
import com.finlens.platform.config.Env;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.ext.web.multipart.MultipartForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The real application, started in-process on 127.0.0.1 and a random port against a fresh test database, with
 * the same {@code App.start} the jar uses. Extra environment variables configure what a test needs.
 */
public final class TestApp implements AutoCloseable {

    private final App app;
    private final Vertx clientVertx;
    private final WebClient client;
    private final Path dataDir;

    private TestApp(App app, Path dataDir) {
        this.app = app;
        this.dataDir = dataDir;
        this.clientVertx = Vertx.vertx();
        this.client = WebClient.create(clientVertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(app.port()).setFollowRedirects(false).setMaxPoolSize(20));
    }

    public static TestApp start() {
        return start(Map.of());
    }

    public static TestApp start(Map<String, String> extraEnv) {
        try {
            Path dataDir = Files.createTempDirectory("finlens-test-data");
            Map<String, String> env = new HashMap<>();
            env.put("FINLENS_PORT", "0");
            env.put("FINLENS_HOST", "127.0.0.1");
            env.put("FINLENS_PUBLIC_URL", "http://127.0.0.1:8080");
            env.put("FINLENS_DATA_DIR", dataDir.toString());
            env.put("FINLENS_DB_URL", TestDatabase.freshDatabaseUrl());
            env.put("FINLENS_DB_USER", "root");
            // Every test class signs in from 127.0.0.1: the production budget (20 a minute) would make the suite's
            // outcome depend on how fast the machine is. SignInRateLimitedAppTest covers the limit itself.
            env.put("FINLENS_SIGNIN_RATE_PER_MINUTE", "10000");
            // Likewise the per-user API budget (ApiRateLimitTest covers it), and metrics on a free loopback port.
            env.put("FINLENS_API_RATE_PER_MINUTE", "1000000");
            env.put("FINLENS_MANAGEMENT_PORT", "0");
            // Strict blocked-thread checker: a task holding an event loop for 200 ms is logged with its stack. It
            // warns rather than fails, so a GC pause or a starved core on a busy machine cannot fail a test.
            env.put("FINLENS_BLOCKED_LOOP_WARNING", "200ms");
            env.putAll(extraEnv);
            if (env.get("FINLENS_DB_URL").isEmpty()) {
                env.remove("FINLENS_DB_URL");
            }
            AppConfig config = AppConfig.load(new Env(env));
            App app = App.start(config).toCompletionStage().toCompletableFuture().get(3, TimeUnit.MINUTES);
            return new TestApp(app, dataDir);
        } catch (Exception e) {
            throw new IllegalStateException("Finlens did not start for the test", e);
        }
    }

    public int port() {
        return app.port();
    }

    /** The loopback listener serving /metrics. */
    public int managementPort() {
        return app.managementPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    public Path dataDir() {
        return dataDir;
    }

    public App app() {
        return app;
    }

    /** "POST /api/v1/conversations/{id}/messages" for every operation of the served OpenAPI document. */
    public Set<String> documentedOperations() {
        JsonObject paths = await(client.get("/api/v1/openapi.json").send()).bodyAsJsonObject().getJsonObject("paths");
        Set<String> operations = new TreeSet<>();
        for (String path : paths.fieldNames()) {
            for (String method : paths.getJsonObject(path).fieldNames()) {
                if (Set.of("get", "put", "post", "delete", "patch", "head").contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " /api/v1" + path);
                }
            }
        }
        return operations;
    }

    public WebClient client() {
        return client;
    }

    public Vertx clientVertx() {
        return clientVertx;
    }

    /** A browser-like client that keeps cookies, signed in through development sign-in. */
    public Browser signIn(String email) {
        return signIn(client, email);
    }

    /** Development sign-in through any client pointed at a running Finlens (in this JVM or another). */
    public static Browser signIn(WebClient client, String email) {
        WebClientSession session = WebClientSession.create(client);
        HttpResponse<Buffer> signIn = await(session.post("/auth/dev")
                .sendForm(io.vertx.core.MultiMap.caseInsensitiveMultiMap().add("email", email)));
        if (signIn.statusCode() != 303) {
            throw new IllegalStateException("dev sign-in failed: " + signIn.statusCode() + " " + signIn.bodyAsString());
        }
        JsonObject me = await(session.get("/api/v1/session").send()).bodyAsJsonObject();
        return new Browser(session, me.getString("csrfToken"), me.getJsonObject("user").getLong("id"));
    }

    /** A signed-in cookie client with its CSRF token. */
    public record Browser(WebClientSession session, String csrfToken, long userId) {

        public HttpRequest<Buffer> request(HttpMethod method, String path) {
            HttpRequest<Buffer> request = session.request(method, path);
            if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
                request.putHeader("X-CSRF-Token", csrfToken);
            }
            return request;
        }

        public HttpResponse<Buffer> send(HttpMethod method, String path, JsonObject body) {
            HttpRequest<Buffer> request = request(method, path);
            return await(body == null ? request.send() : request.sendJsonObject(body));
        }

        /** The session cookie as a Cookie header value, for sending it from another client (e.g. another replica). */
        public String sessionCookie() {
            for (io.netty.handler.codec.http.cookie.Cookie c : session.cookieStore().get(false, "127.0.0.1", "/")) {
                if (c.name().equals("finlens_session")) {
                    return c.name() + "=" + c.value();
                }
            }
            throw new IllegalStateException("not signed in");
        }

        public HttpResponse<Buffer> get(String path) {
            return send(HttpMethod.GET, path, null);
        }

        public HttpResponse<Buffer> post(String path, JsonObject body) {
            return send(HttpMethod.POST, path, body);
        }

        public HttpResponse<Buffer> multipart(String path, MultipartForm form) {
            return await(request(HttpMethod.POST, path).sendMultipartForm(form));
        }
    }

    public static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        clientVertx.close();
        app.stop(Duration.ofSeconds(2));
    }
}
