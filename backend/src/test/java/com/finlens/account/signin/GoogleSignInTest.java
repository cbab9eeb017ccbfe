package com.finlens.account.signin;

import static com.finlens.testing.TestApp.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GoogleSignInTest {

    private static GoogleTestBed bed;

    @BeforeAll
    static void start() {
        bed = new GoogleTestBed(Map.of());
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @Test
    @DisplayName("Signing in with Google creates the user by subject, opens a working session and signing out ends it")
    void signInAndOut() {
        String subject = newSubject();
        WebClientSession browser = bed.browser();
        String authorizeUrl = bed.start(browser, "/auth/google?return=/history");
        assertThat(authorizeUrl).startsWith(bed.issuer + "/authorize");
        assertThat(GoogleTestBed.queryParam(authorizeUrl, "code_challenge_method")).isEqualTo("S256");
        assertThat(GoogleTestBed.queryParam(authorizeUrl, "code_challenge")).hasSize(43);
        assertThat(GoogleTestBed.queryParam(authorizeUrl, "state")).hasSizeGreaterThan(40);
        assertThat(GoogleTestBed.queryParam(authorizeUrl, "nonce")).hasSizeGreaterThan(40);
        assertThat(GoogleTestBed.queryParam(authorizeUrl, "scope")).isEqualTo("openid email profile");
        assertThat(GoogleTestBed.queryParam(authorizeUrl, "redirect_uri"))
                .isEqualTo("http://127.0.0.1:8080/auth/google/callback");

        bed.nextUser(subject, "Alice@Example.com");
        HttpResponse<Buffer> callback = bed.get(browser, bed.authorize(authorizeUrl));
        assertThat(callback.statusCode()).isEqualTo(303);
        assertThat(callback.getHeader("Location")).isEqualTo("/history");
        String cookie = sessionCookie(callback);
        assertThat(cookie).isNotNull();
        assertThat(bed.usersWithSubject(subject)).isEqualTo(1);

        JsonObject session = bed.get(browser, "/api/v1/session").bodyAsJsonObject();
        assertThat(session.getBoolean("signedIn")).isTrue();
        assertThat(session.getJsonObject("user").getString("email")).isEqualTo("alice@example.com");

        HttpResponse<Buffer> withoutCsrf = await(browser.post("/auth/logout").send());
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
        assertThat(signedIn(cookie)).isTrue();

        HttpResponse<Buffer> logout = await(browser.post("/auth/logout")
                .putHeader("X-CSRF-Token", session.getString("csrfToken")).send());
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(signedIn(cookie)).isFalse();
    }

    @Test
    @DisplayName("Signing in again with the same Google account reuses the user and rotates the session cookie")
    void secondSignInRotatesSession() {
        String subject = newSubject();
        WebClientSession browser = bed.browser();
        String first = sessionCookie(bed.signInWeb(browser, subject, "bob@example.com"));
        String second = sessionCookie(bed.signInWeb(browser, subject, "bob@example.com"));
        assertThat(second).isNotNull().isNotEqualTo(first);
        assertThat(signedIn(first)).isFalse();
        assertThat(signedIn(second)).isTrue();
        assertThat(bed.usersWithSubject(subject)).isEqualTo(1);
    }

    @Test
    @DisplayName("A return path to another site is ignored after sign-in")
    void foreignReturnPathIgnored() {
        WebClientSession browser = bed.browser();
        String authorizeUrl = bed.start(browser, "/auth/google?return=//evil.example/steal");
        bed.nextUser(newSubject(), "carol@example.com");
        HttpResponse<Buffer> callback = bed.get(browser, bed.authorize(authorizeUrl));
        assertThat(callback.statusCode()).isEqualTo(303);
        assertThat(callback.getHeader("Location")).isEqualTo("/chat");
    }

    @Test
    @DisplayName("A callback with a state the server never issued is refused with 400 and signs nobody in")
    void wrongStateRefused() {
        String subject = newSubject();
        WebClientSession browser = bed.browser();
        // No token is queued: the forged callback must never reach the token endpoint.
        String callbackUrl = bed.authorize(bed.start(browser, "/auth/google"));
        String forged = callbackUrl.replaceAll("state=[^&]+", "state=" + UUID.randomUUID() + UUID.randomUUID());
        HttpResponse<Buffer> response = bed.get(browser, forged);
        assertRefused(response, 400, subject);
        assertThat(response.bodyAsString()).contains("expired or was already used");
    }

    @Test
    @DisplayName("Replaying a finished callback is refused with 400: each sign-in attempt works once")
    void replayedCallbackRefused() {
        String subject = newSubject();
        WebClientSession browser = bed.browser();
        bed.nextUser(subject, "dave@example.com");
        String callbackUrl = bed.authorize(bed.start(browser, "/auth/google"));
        assertThat(bed.get(browser, callbackUrl).statusCode()).isEqualTo(303);
        HttpResponse<Buffer> replay = bed.get(browser, callbackUrl);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.bodyAsString()).contains("expired or was already used");
        assertThat(sessionCookie(replay)).isNull();
    }

    @Test
    @DisplayName("A callback URL opened in another browser than the one that started sign-in is refused with 400 (login CSRF)")
    void otherBrowserRefused() {
        WebClientSession attacker = bed.browser();
        // No token is queued: the planted callback must never reach the token endpoint.
        String planted = bed.authorize(bed.start(attacker, "/auth/google"));
        HttpResponse<Buffer> victim = bed.get(bed.browser(), planted);
        assertThat(victim.statusCode()).isEqualTo(400);
        assertThat(victim.bodyAsString()).contains("started in another browser");
        assertThat(sessionCookie(victim)).isNull();
    }

    @Test
    @DisplayName("Replaying a used authorization code with a fresh state is refused with 401")
    void replayedCodeRefused() {
        String subject = newSubject();
        WebClientSession browser = bed.browser();
        bed.nextUser(subject, "erin@example.com");
        String used = bed.authorize(bed.start(browser, "/auth/google"));
        assertThat(bed.get(browser, used).statusCode()).isEqualTo(303);

        WebClientSession attacker = bed.browser();
        String freshState = GoogleTestBed.queryParam(bed.start(attacker, "/auth/google"), "state");
        String replay = "/auth/google/callback?code=" + GoogleTestBed.queryParam(used, "code") + "&state=" + freshState;
        HttpResponse<Buffer> response = bed.get(attacker, replay);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(sessionCookie(response)).isNull();
    }

    @Test
    @DisplayName("An ID token for another client (wrong audience) is refused with 401")
    void wrongAudienceRefused() {
        String subject = newSubject();
        WebClientSession browser = bed.browser();
        String authorizeUrl = bed.start(browser, "/auth/google");
        Map<String, Object> claims = claims(subject, GoogleTestBed.queryParam(authorizeUrl, "nonce"));
        claims.put("aud", "someone-else.apps.googleusercontent.com");
        String idToken = bed.oidc.anyToken(HttpUrl.get(bed.issuer), claims, Duration.ofHours(1)).serialize();
        assertRefused(callbackWith(browser, authorizeUrl, idToken), 401, subject);
    }

    @Test
    @DisplayName("An expired ID token is refused with 401")
    void expiredTokenRefused() {
        String subject = newSubject();
        WebClientSession browser = bed.browser();
        String authorizeUrl = bed.start(browser, "/auth/google");
        String idToken = bed.oidc.anyToken(HttpUrl.get(bed.issuer),
                claims(subject, GoogleTestBed.queryParam(authorizeUrl, "nonce")), Duration.ofHours(-1)).serialize();
        assertRefused(callbackWith(browser, authorizeUrl, idToken), 401, subject);
    }

    @Test
    @DisplayName("An account whose email Google has not verified is refused with 401")
    void unverifiedEmailRefused() {
        String subject = newSubject();
        bed.nextToken(subject, List.of(GoogleTestBed.CLIENT_ID),
                Map.of("email", "heidi@example.com", "email_verified", false), 3600);
        HttpResponse<Buffer> response = completeWithQueuedToken();
        assertRefused(response, 401, subject);
        assertThat(response.bodyAsString()).contains("not verified");
    }

    @Test
    @DisplayName("A correctly signed ID token from another issuer is refused with 401")
    void wrongIssuerRefused() {
        String subject = newSubject();
        WebClientSession browser = bed.browser();
        String authorizeUrl = bed.start(browser, "/auth/google");
        // Signed with the expected issuer's key ("google"), but naming another issuer address.
        Map<String, Object> claims = claims(subject, GoogleTestBed.queryParam(authorizeUrl, "nonce"));
        com.nimbusds.jwt.SignedJWT foreign = bed.oidc.anyToken(HttpUrl.get("http://127.0.0.1:9/google"), claims,
                Duration.ofHours(1));
        com.nimbusds.jwt.SignedJWT genuine = bed.oidc.anyToken(HttpUrl.get(bed.issuer), claims, Duration.ofHours(1));
        assertThat(foreign.getHeader().getKeyID()).isEqualTo(genuine.getHeader().getKeyID());
        assertRefused(callbackWith(browser, authorizeUrl, foreign.serialize()), 401, subject);
    }

    @Test
    @DisplayName("An ID token whose signature does not match its content is refused with 401; the untouched token works")
    void badSignatureRefused() {
        String subject = newSubject();
        WebClientSession browser = bed.browser();
        String authorizeUrl = bed.start(browser, "/auth/google");
        String nonce = GoogleTestBed.queryParam(authorizeUrl, "nonce");
        String genuine = bed.oidc.anyToken(HttpUrl.get(bed.issuer), claims(subject, nonce), Duration.ofHours(1))
                .serialize();
        String[] parts = genuine.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                .replace("ivan@example.com", "admin@example.com");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes()) + "." + parts[2];
        assertRefused(callbackWith(browser, authorizeUrl, tampered), 401, subject);

        WebClientSession control = bed.browser();
        String controlAuthorize = bed.start(control, "/auth/google");
        String controlToken = bed.oidc.anyToken(HttpUrl.get(bed.issuer),
                claims(subject, GoogleTestBed.queryParam(controlAuthorize, "nonce")), Duration.ofHours(1)).serialize();
        assertThat(callbackWith(control, controlAuthorize, controlToken).statusCode()).isEqualTo(303);
    }

    @Test
    @DisplayName("An ID token carrying another sign-in's nonce is refused with 401")
    void wrongNonceRefused() {
        String subject = newSubject();
        WebClientSession browser = bed.browser();
        String authorizeUrl = bed.start(browser, "/auth/google");
        String idToken = bed.oidc.anyToken(HttpUrl.get(bed.issuer), claims(subject, "another-attempts-nonce"),
                Duration.ofHours(1)).serialize();
        assertRefused(callbackWith(browser, authorizeUrl, idToken), 401, subject);
    }

    @Test
    @DisplayName("A page asked for while signed out is where Google sign-in returns: guard, sign-in page, Google, page")
    void returnsToTheAskedPage() {
        WebClientSession browser = bed.browser();
        String signInPage = bed.get(browser, "/knowledge").getHeader("Location");
        assertThat(signInPage).isEqualTo("/sign-in?next=%2Fknowledge");
        Matcher link = Pattern.compile("href=\"(/auth/google[^\"]*)\"")
                .matcher(bed.get(browser, signInPage).bodyAsString());
        assertThat(link.find()).isTrue();
        assertThat(link.group(1)).isEqualTo("/auth/google?return=/knowledge");

        bed.nextUser(newSubject(), "returning@example.com");
        HttpResponse<Buffer> callback = bed.get(browser, bed.authorize(bed.start(browser, link.group(1))));
        assertThat(callback.statusCode()).isEqualTo(303);
        assertThat(callback.getHeader("Location")).isEqualTo("/knowledge");
    }

    @Test
    @DisplayName("Development sign-in does not exist when a Google client is configured")
    void devSignInIsGone() {
        HttpResponse<Buffer> response = await(bed.app.client().post("/auth/dev")
                .sendForm(io.vertx.core.MultiMap.caseInsensitiveMultiMap().add("email", "x@example.com")));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(sessionCookie(response)).isNull();
    }

    private HttpResponse<Buffer> completeWithQueuedToken() {
        WebClientSession browser = bed.browser();
        return bed.get(browser, bed.authorize(bed.start(browser, "/auth/google")));
    }

    /** Finishes an attempt as if Google's token endpoint had answered with this ID token. */
    private HttpResponse<Buffer> callbackWith(WebClientSession browser, String authorizeUrl, String idToken) {
        bed.nextIdToken(idToken);
        return bed.get(browser, "/auth/google/callback?code=any-code&state="
                + GoogleTestBed.queryParam(authorizeUrl, "state"));
    }

    private static Map<String, Object> claims(String subject, String nonce) {
        Map<String, Object> claims = new java.util.HashMap<>(Map.of("sub", subject, "aud", GoogleTestBed.CLIENT_ID,
                "email", "ivan@example.com", "email_verified", true));
        if (nonce != null) {
            claims.put("nonce", nonce);
        }
        return claims;
    }

    private static void assertRefused(HttpResponse<Buffer> response, int status, String subject) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(sessionCookie(response)).isNull();
        assertThat(response.getHeader("Content-Type")).startsWith("text/html");
        assertThat(response.bodyAsString()).doesNotContain("eyJ").doesNotContain("Exception");
        assertThat(bed.usersWithSubject(subject)).isZero();
    }

    private boolean signedIn(String cookieValue) {
        return await(bed.app.client().get("/api/v1/session").putHeader("Cookie", "finlens_session=" + cookieValue)
                .send()).bodyAsJsonObject().getBoolean("signedIn");
    }

    static String sessionCookie(HttpResponse<Buffer> response) {
        return response.cookies().stream()
                .filter(c -> c.startsWith("finlens_session=") && !c.startsWith("finlens_session=;"))
                .map(c -> c.substring("finlens_session=".length(), c.indexOf(';')))
                .filter(v -> !v.isEmpty())
                .findFirst().orElse(null);
    }

    private static String newSubject() {
        return "google-" + UUID.randomUUID();
    }
}
