package com.finlens.account.signin;

import static com.finlens.testing.TestApp.await;

import com.finlens.testing.ReplayServer;
import com.finlens.testing.TestApp;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientSession;
import java.net.InetAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID Connect server (mock-oauth2-server, in-process on 127.0.0.1) standing in for Google, and the app
 * configured against it with the Finlens extension allow-listed. Drives the browser side of the flow by hand:
 * app -> authorize -> callback -> app, following each Location header.
 *
 * <p>The app reaches the mock through a small forwarding server, which lets a test replace the next token
 * endpoint answer with its own (a token for another audience, issuer or nonce, or a tampered one): the mock
 * itself always names the requesting client as audience. The mock derives its issuer from the forwarded port,
 * so discovery, tokens and issuer all name the forwarding address.
 */
final class GoogleTestBed implements AutoCloseable {

    static final String CLIENT_ID = "finlens-test.apps.googleusercontent.com";
    static final String EXTENSION_ID = "ddnnmbjcmeigkckpfgccefnenkbkgghf";
    static final String EXTENSION_REDIRECT = "https://" + EXTENSION_ID + ".chromiumapp.org/oauth";

    final MockOAuth2Server oidc;
    final TestApp app;
    final String issuer;
    private final Vertx proxyVertx = Vertx.vertx();
    private final ReplayServer proxy;
    private final Queue<String> tokenAnswers = new ConcurrentLinkedQueue<>();

    GoogleTestBed(Map<String, String> extraEnv) {
        try {
            oidc = new MockOAuth2Server();
            oidc.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (Exception e) {
            throw new IllegalStateException("OIDC mock did not start", e);
        }
        proxy = ReplayServer.start(proxyVertx);
        HttpClient http = proxyVertx.createHttpClient();
        int mockPort = oidc.baseUrl().port();
        for (String method : List.of("GET", "POST")) {
            proxy.onPrefix(method, "/").custom((request, body, response) -> {
                String queued = request.path().endsWith("/token") ? tokenAnswers.poll() : null;
                if (queued != null) {
                    response.putHeader("Content-Type", "application/json").end(queued);
                    return;
                }
                forward(http, mockPort, request, body, response);
            });
        }
        issuer = proxy.baseUrl() + "/google";
        Map<String, String> env = new HashMap<>(Map.of(
                "FINLENS_OIDC_ISSUER", issuer,
                "FINLENS_GOOGLE_CLIENT_ID", CLIENT_ID,
                "FINLENS_GOOGLE_CLIENT_SECRET", "test-secret",
                "FINLENS_EXTENSION_IDS", EXTENSION_ID,
                "FINLENS_SIGNIN_RATE_PER_MINUTE", "1000"));
        env.putAll(extraEnv);
        app = TestApp.start(env);
    }

    private void forward(HttpClient http, int mockPort, HttpServerRequest request, String body,
                         HttpServerResponse response) {
        http.request(new RequestOptions().setMethod(request.method()).setHost("127.0.0.1").setPort(mockPort)
                        .setURI(request.uri()))
                .compose(upstream -> {
                    request.headers().forEach((name, value) -> {
                        if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                            upstream.putHeader(name, value);
                        }
                    });
                    upstream.putHeader("X-Forwarded-Proto", "http");
                    upstream.putHeader("X-Forwarded-Port", Integer.toString(proxy.port()));
                    return upstream.send(body);
                })
                .compose(answer -> answer.body().map(bytes -> {
                    response.setStatusCode(answer.statusCode());
                    answer.headers().forEach((name, value) -> {
                        if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Transfer-Encoding")) {
                            response.putHeader(name, value);
                        }
                    });
                    return response.end(bytes);
                }))
                .onFailure(e -> response.setStatusCode(502).end(String.valueOf(e.getMessage())));
    }

    /** The token endpoint's next answer will carry this ID token instead of one from the mock. */
    void nextIdToken(String idToken) {
        tokenAnswers.add(new JsonObject().put("token_type", "Bearer").put("access_token", "opaque-access")
                .put("expires_in", 3600).put("scope", "openid email profile").put("id_token", idToken).encode());
    }

    /** Makes the next token the mock issues carry these claims. */
    void nextToken(String subject, List<String> audience, Map<String, Object> claims, long expirySeconds) {
        oidc.enqueueCallback(new DefaultOAuth2TokenCallback("google", subject, "JWT", audience, claims,
                expirySeconds));
    }

    /** Makes the next token a normal Google-like one for this account. */
    void nextUser(String subject, String email) {
        nextToken(subject, List.of(CLIENT_ID), Map.of("email", email, "email_verified", true,
                "name", "Test " + subject), 3600);
    }

    WebClientSession browser() {
        return WebClientSession.create(app.client());
    }

    /** GET on the app; {@code pathAndQuery} may be a full URL of the public address, only its path is used. */
    HttpResponse<Buffer> get(WebClientSession browser, String pathAndQuery) {
        return await(browser.get(localPath(pathAndQuery)).send());
    }

    /** Starts sign-in at {@code startPath} and returns the authorize URL the app redirected to. */
    String start(WebClientSession browser, String startPath) {
        HttpResponse<Buffer> started = get(browser, startPath);
        if (started.statusCode() != 302) {
            throw new IllegalStateException("sign-in did not start: " + started.statusCode() + " " + started.bodyAsString());
        }
        return started.getHeader("Location");
    }

    /** Lets the mock "sign the user in" and returns the callback URL it sends the browser to. */
    String authorize(String authorizeUrl) {
        HttpResponse<Buffer> answer = await(app.client().getAbs(authorizeUrl).send());
        if (answer.statusCode() != 302) {
            throw new IllegalStateException("authorize failed: " + answer.statusCode() + " " + answer.bodyAsString());
        }
        return answer.getHeader("Location");
    }

    /** The whole web sign-in; returns the callback response (303 with the session cookie when it worked). */
    HttpResponse<Buffer> signInWeb(WebClientSession browser, String subject, String email) {
        nextUser(subject, email);
        return get(browser, authorize(start(browser, "/auth/google")));
    }

    /** The whole extension sign-in; returns the fragment parameters of the redirect to the extension. */
    Map<String, String> signInExtension(String subject, String email) {
        nextUser(subject, email);
        WebClientSession browser = browser();
        String start = "/auth/extension/start?redirect_uri="
                + java.net.URLEncoder.encode(EXTENSION_REDIRECT, java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<Buffer> callback = get(browser, authorize(start(browser, start)));
        String location = callback.getHeader("Location");
        if (callback.statusCode() != 302 || location == null || !location.startsWith(EXTENSION_REDIRECT + "#")) {
            throw new IllegalStateException("extension sign-in failed: " + callback.statusCode() + " " + location);
        }
        return fragment(location);
    }

    static String localPath(String url) {
        if (url.startsWith("/")) {
            return url;
        }
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static String queryParam(String url, String name) {
        String query = URI.create(url).getRawQuery();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** The fragment parameters of an extension redirect. */
    static Map<String, String> fragment(String location) {
        Map<String, String> params = new HashMap<>();
        String fragment = location.substring(location.indexOf('#') + 1);
        for (String pair : fragment.split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return params;
    }

    /** Counts rows straight in the app's database, to prove what was (not) stored. */
    long count(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(app.app().config().db().url(), "root", "");
             PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(app.app().config().db().url(), "root", "");
             PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long usersWithSubject(String subject) {
        return count("select count(*) from users where oidc_subject = ?", subject);
    }

    @Override
    public void close() {
        app.close();
        proxy.close();
        proxyVertx.close();
        oidc.shutdown();
    }
}
