package com.finlens.account.signin;

import static com.finlens.testing.TestApp.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.platform.auth.Secrets;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExtensionAuthTest {

    private static final String ORIGIN = "chrome-extension://" + GoogleTestBed.EXTENSION_ID;
    private static GoogleTestBed bed;

    @BeforeAll
    static void start() {
        bed = new GoogleTestBed(Map.of(
                "FINLENS_TRUST_FORWARDED_HEADERS", "true",
                "FINLENS_SIGNIN_RATE_PER_MINUTE", "200",
                // These tests change tokens straight in the database and expect the next request to see it: no
                // replica cache (RevocationAcrossReplicasTest covers the cache and its bound).
                "FINLENS_AUTH_CACHE_TTL", "0s"));
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @Test
    @DisplayName("Extension sign-in redirects to the extension with Bearer tokens that work on the API without CSRF")
    void extensionSignIn() {
        String subject = newSubject();
        Map<String, String> tokens = bed.signInExtension(subject, "ext@example.com");
        assertThat(tokens.get("token_type")).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in")).isEqualTo("900");
        assertThat(tokens.get("access_token")).hasSize(43);
        assertThat(tokens.get("refresh_token")).hasSize(43).isNotEqualTo(tokens.get("access_token"));
        assertThat(bed.usersWithSubject(subject)).isEqualTo(1);
        assertThat(bed.count("select count(*) from access_tokens where token_hash = ?",
                Secrets.sha256(tokens.get("access_token")))).isEqualTo(1);

        JsonObject session = bearer(HttpMethod.GET, "/api/v1/session", tokens.get("access_token")).send()
                .map(HttpResponse::bodyAsJsonObject).toCompletionStage().toCompletableFuture().join();
        assertThat(session.getBoolean("signedIn")).isTrue();
        HttpResponse<Buffer> created = await(bearer(HttpMethod.POST, "/api/v1/conversations",
                tokens.get("access_token")).sendJsonObject(new JsonObject()));
        assertThat(created.statusCode()).isEqualTo(201);
    }

    @Test
    @DisplayName("A refresh rotates both tokens; reusing the old refresh token revokes the whole sign-in")
    void refreshRotationAndReuse() {
        Map<String, String> first = bed.signInExtension(newSubject(), "rotate@example.com");
        HttpResponse<Buffer> refreshed = refresh(first.get("refresh_token"));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonObject second = refreshed.bodyAsJsonObject();
        assertThat(second.getString("tokenType")).isEqualTo("Bearer");
        assertThat(second.getLong("expiresIn")).isEqualTo(900);
        assertThat(second.getString("refreshToken")).isNotEqualTo(first.get("refresh_token"));
        assertThat(second.getString("accessToken")).isNotEqualTo(first.get("access_token"));
        assertThat(status(HttpMethod.GET, "/api/v1/conversations", second.getString("accessToken")))
                .isEqualTo(200);

        HttpResponse<Buffer> reuse = refresh(first.get("refresh_token"));
        assertThat(reuse.statusCode()).isEqualTo(401);
        assertThat(reuse.getHeader("Content-Type")).startsWith("application/problem+json");
        assertThat(reuse.bodyAsJsonObject().getString("type")).endsWith("/refresh-token-reused");
        assertThat(reuse.bodyAsString()).doesNotContain("accessToken");

        assertThat(refresh(second.getString("refreshToken")).statusCode()).isEqualTo(401);
        assertThat(status(HttpMethod.GET, "/api/v1/conversations", second.getString("accessToken"))).isEqualTo(401);
        assertThat(status(HttpMethod.GET, "/api/v1/conversations", first.get("access_token"))).isEqualTo(401);
    }

    @Test
    @DisplayName("Revoking with the refresh token signs the extension out: 204, then both tokens fail")
    void revoke() {
        Map<String, String> tokens = bed.signInExtension(newSubject(), "revoke@example.com");
        HttpResponse<Buffer> revoked = await(bed.app.client().post("/auth/extension/revoke")
                .putHeader("Origin", ORIGIN)
                .sendJsonObject(new JsonObject().put("refreshToken", tokens.get("refresh_token"))));
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(status(HttpMethod.GET, "/api/v1/conversations", tokens.get("access_token"))).isEqualTo(401);
        assertThat(refresh(tokens.get("refresh_token")).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("An expired access token is refused with 401 problem+json; an unknown one too")
    void expiredAccessToken() {
        Map<String, String> tokens = bed.signInExtension(newSubject(), "expired@example.com");
        assertThat(status(HttpMethod.GET, "/api/v1/conversations", tokens.get("access_token"))).isEqualTo(200);
        bed.execute("update access_tokens set expires_at = ? where token_hash = ?",
                java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1),
                Secrets.sha256(tokens.get("access_token")));
        HttpResponse<Buffer> expired = await(bearer(HttpMethod.GET, "/api/v1/conversations",
                tokens.get("access_token")).send());
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.getHeader("Content-Type")).startsWith("application/problem+json");
        assertThat(expired.bodyAsJsonObject().getString("type")).endsWith("/invalid-token");
        assertThat(status(HttpMethod.GET, "/api/v1/conversations", UUID.randomUUID() + "-" + UUID.randomUUID()))
                .isEqualTo(401);
    }

    @Test
    @DisplayName("With a bearer token, another user's conversation is a 404")
    void crossUserConversation() {
        String owner = bed.signInExtension(newSubject(), "owner@example.com").get("access_token");
        String other = bed.signInExtension(newSubject(), "other@example.com").get("access_token");
        long id = await(bearer(HttpMethod.POST, "/api/v1/conversations", owner)
                .sendJsonObject(new JsonObject().put("title", "owner's secret"))).bodyAsJsonObject().getLong("id");
        HttpResponse<Buffer> response = await(bearer(HttpMethod.GET, "/api/v1/conversations/" + id, other).send());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.bodyAsString()).doesNotContain("owner's secret");
        assertThat(status(HttpMethod.GET, "/api/v1/conversations/" + id, owner)).isEqualTo(200);
    }

    @Test
    @DisplayName("Extension sign-in refuses, with a 400 page and no redirect, any redirect URI but an allow-listed chromiumapp.org one")
    void redirectUriAllowList() {
        for (String uri : List.of(
                "https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/oauth",
                "https://evil.example/oauth",
                "https://" + GoogleTestBed.EXTENSION_ID + ".chromiumapp.org.evil.example/oauth",
                "http://" + GoogleTestBed.EXTENSION_ID + ".chromiumapp.org/oauth",
                "https://" + GoogleTestBed.EXTENSION_ID + ".chromiumapp.org/oauth?next=https://evil.example",
                "https://" + GoogleTestBed.EXTENSION_ID + ".chromiumapp.org:8443/oauth")) {
            HttpResponse<Buffer> response = bed.get(bed.browser(), "/auth/extension/start?redirect_uri="
                    + URLEncoder.encode(uri, StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(uri).isEqualTo(400);
            assertThat(response.getHeader("Location")).as(uri).isNull();
        }
        HttpResponse<Buffer> missing = bed.get(bed.browser(), "/auth/extension/start");
        assertThat(missing.statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("When Google refuses after the redirect URI was accepted, the extension gets #error=access_denied and no tokens")
    void failureGoesBackToTheExtension() {
        String subject = newSubject();
        bed.nextToken(subject, List.of(GoogleTestBed.CLIENT_ID),
                Map.of("email", "unverified@example.com", "email_verified", false), 3600);
        WebClientSession browser = bed.browser();
        String start = "/auth/extension/start?redirect_uri="
                + URLEncoder.encode(GoogleTestBed.EXTENSION_REDIRECT, StandardCharsets.UTF_8);
        HttpResponse<Buffer> callback = bed.get(browser, bed.authorize(bed.start(browser, start)));
        assertThat(callback.statusCode()).isEqualTo(302);
        String location = callback.getHeader("Location");
        assertThat(location).startsWith(GoogleTestBed.EXTENSION_REDIRECT + "#error=access_denied&error_description=");
        assertThat(location).doesNotContain("access_token").doesNotContain("refresh_token");
        assertThat(bed.usersWithSubject(subject)).isZero();
    }

    @Test
    @DisplayName("CORS answers a preflight from the extension with exactly its origin, and a foreign origin with none")
    void corsPreflight() {
        HttpResponse<Buffer> allowed = preflight(ORIGIN);
        assertThat(allowed.getHeader("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        for (String foreign : List.of("https://evil.example", "chrome-extension://abcdefghijklmnopabcdefghijklmnop")) {
            HttpResponse<Buffer> refused = preflight(foreign);
            assertThat(refused.getHeader("Access-Control-Allow-Origin")).as(foreign).isNull();
        }
    }

    @Test
    @DisplayName("The extension's feed poll may send If-None-Match across origins and read the ETag it gets back")
    void corsForConditionalPolls() {
        HttpResponse<Buffer> allowed = await(bed.app.client().request(HttpMethod.OPTIONS, "/api/v1/watchlist/feed")
                .putHeader("Origin", ORIGIN)
                .putHeader("Access-Control-Request-Method", "GET")
                .putHeader("Access-Control-Request-Headers", "authorization,if-none-match")
                .send());
        assertThat(allowed.getHeader("Access-Control-Allow-Headers")).containsIgnoringCase("If-None-Match");
        HttpResponse<Buffer> actual = await(bed.app.client().get("/api/v1/sign-in/methods").putHeader("Origin", ORIGIN)
                .send());
        assertThat(actual.getHeader("Access-Control-Expose-Headers")).containsIgnoringCase("ETag");
    }

    @Test
    @DisplayName("A server with a Google client says it offers Google sign-in and no development sign-in")
    void signInMethods() {
        HttpResponse<Buffer> methods = await(bed.app.client().get("/api/v1/sign-in/methods").send());
        assertThat(methods.statusCode()).isEqualTo(200);
        assertThat(methods.bodyAsJsonObject()).isEqualTo(new JsonObject().put("development", false).put("google", true));
    }

    @Test
    @DisplayName("Too many sign-in requests from one address get 429 problem+json with Retry-After; other addresses go on")
    void rateLimit() {
        HttpResponse<Buffer> last = null;
        for (int i = 0; i < 300; i++) { // a burst of 200, plus what refills meanwhile
            last = tokenRequestFrom("198.51.100.7");
            if (last.statusCode() == 429) {
                break;
            }
            assertThat(last.statusCode()).isEqualTo(400);
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.getHeader("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(last.getHeader("Retry-After"))).isPositive();
        assertThat(tokenRequestFrom("198.51.100.8").statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("The account lists the signed-in extension, revokes it for its owner only, and then its token fails")
    void deviceRevocation() {
        String subject = newSubject();
        Map<String, String> tokens = bed.signInExtension(subject, "device@example.com");
        WebClientSession browser = bed.browser();
        bed.signInWeb(browser, subject, "device@example.com");
        JsonObject session = bed.get(browser, "/api/v1/session").bodyAsJsonObject();
        JsonObject account = bed.get(browser, "/api/v1/account").bodyAsJsonObject();
        assertThat(account.getJsonArray("devices")).hasSize(1);
        String familyId = account.getJsonArray("devices").getJsonObject(0).getString("id");
        assertThat(bed.get(browser, "/account").bodyAsString()).contains("/account/devices/" + familyId + "/revoke");

        WebClientSession stranger = bed.browser();
        bed.signInWeb(stranger, newSubject(), "stranger@example.com");
        String strangerCsrf = bed.get(stranger, "/api/v1/session").bodyAsJsonObject().getString("csrfToken");
        HttpResponse<Buffer> foreign = await(stranger.post("/account/devices/" + familyId + "/revoke")
                .sendForm(MultiMap.caseInsensitiveMultiMap().add("_csrf", strangerCsrf)));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(status(HttpMethod.GET, "/api/v1/conversations", tokens.get("access_token"))).isEqualTo(200);

        HttpResponse<Buffer> revoked = await(browser.post("/account/devices/" + familyId + "/revoke")
                .sendForm(MultiMap.caseInsensitiveMultiMap().add("_csrf", session.getString("csrfToken"))));
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(status(HttpMethod.GET, "/api/v1/conversations", tokens.get("access_token"))).isEqualTo(401);
        assertThat(refresh(tokens.get("refresh_token")).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("Deleting the account with a bearer token removes conversations and tokens; the token stops working")
    void deleteAccountWithBearer() {
        String subject = newSubject();
        Map<String, String> tokens = bed.signInExtension(subject, "leaving@example.com");
        String access = tokens.get("access_token");
        long id = await(bearer(HttpMethod.POST, "/api/v1/conversations", access)
                .sendJsonObject(new JsonObject().put("title", "bye"))).bodyAsJsonObject().getLong("id");
        HttpResponse<Buffer> deleted = await(bearer(HttpMethod.DELETE, "/api/v1/account", access)
                .sendJsonObject(new JsonObject().put("confirm", "leaving@example.com")));
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(status(HttpMethod.GET, "/api/v1/conversations", access)).isEqualTo(401);
        assertThat(refresh(tokens.get("refresh_token")).statusCode()).isEqualTo(401);
        assertThat(bed.usersWithSubject(subject)).isZero();
        assertThat(bed.count("select count(*) from conversations where id = ?", id)).isZero();
        assertThat(bed.count("select count(*) from access_tokens where token_hash = ?", Secrets.sha256(access)))
                .isZero();
        assertThat(bed.count("select count(*) from refresh_tokens where token_hash = ?",
                Secrets.sha256(tokens.get("refresh_token")))).isZero();
    }

    private static HttpResponse<Buffer> tokenRequestFrom(String ip) {
        return await(bed.app.client().post("/auth/extension/token").putHeader("X-Forwarded-For", ip)
                .sendJsonObject(new JsonObject()));
    }

    private static HttpResponse<Buffer> preflight(String origin) {
        return await(bed.app.client().request(HttpMethod.OPTIONS, "/api/v1/conversations")
                .putHeader("Origin", origin)
                .putHeader("Access-Control-Request-Method", "POST")
                .putHeader("Access-Control-Request-Headers", "authorization,content-type")
                .send());
    }

    private static HttpResponse<Buffer> refresh(String refreshToken) {
        return await(bed.app.client().post("/auth/extension/token").putHeader("Origin", ORIGIN)
                .sendJsonObject(new JsonObject().put("refreshToken", refreshToken)));
    }

    private static HttpRequest<Buffer> bearer(HttpMethod method, String path, String accessToken) {
        return bed.app.client().request(method, path).putHeader("Authorization", "Bearer " + accessToken)
                .putHeader("Origin", ORIGIN);
    }

    private static int status(HttpMethod method, String path, String accessToken) {
        return await(bearer(method, path, accessToken).send()).statusCode();
    }

    private static String newSubject() {
        return "google-" + UUID.randomUUID();
    }
}
