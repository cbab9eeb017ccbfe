package com.finlens.platform.auth;

import static com.finlens.testing.TestApp.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.SharedApp;
import com.finlens.testing.TestApp;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Signed-in by default: every route of the real router and every operation of the OpenAPI document answers an
 * anonymous caller with 401 problem+json (API) or a redirect to sign-in (pages), except the public routes below.
 */
class SignInGuardTest {

    /** What anonymous callers may reach; written out here so that opening a route needs this list changed too. */
    private static final Set<String> PUBLIC = Set.of(
            "GET /", "GET /sign-in", "POST /auth/logout", "POST /auth/dev",
            "GET /auth/extension/start", "POST /auth/extension/dev", "POST /auth/extension/token",
            "POST /auth/extension/revoke",
            "GET /api/v1/session", "GET /api/v1/sign-in/methods", "GET /api/v1/openapi.json", "GET /api/docs",
            "GET /health/live", "GET /health/ready", "GET /metrics", "GET /static/*", "HEAD /static/*");

    @Test
    @DisplayName("Every non-public route and documented operation refuses an anonymous caller: 401 for the API,"
            + " a redirect to sign-in for pages")
    void everyRouteIsGuarded() {
        TestApp app = SharedApp.get();
        Set<String> routes = new TreeSet<>(app.app().routes());
        routes.addAll(app.documentedOperations());
        SoftAssertions softly = new SoftAssertions();
        List<String> checked = new ArrayList<>();
        for (String route : routes) {
            if (PUBLIC.contains(route)) {
                continue;
            }
            String[] parts = route.split(" ", 2);
            HttpMethod method = HttpMethod.valueOf(parts[0]);
            String path = parts[1].replaceAll(":[A-Za-z]+|\\{[^}]+}", "1").replace("*", "x");
            HttpResponse<Buffer> answer = await(app.client().request(method, path).send());
            checked.add(route);
            if (path.startsWith("/api/")) {
                softly.assertThat(answer.statusCode()).as(route).isEqualTo(401);
                softly.assertThat(answer.getHeader("Content-Type")).as(route).isEqualTo("application/problem+json");
            } else if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
                softly.assertThat(answer.statusCode()).as(route).isEqualTo(302);
                softly.assertThat(answer.getHeader("Location")).as(route)
                        .isEqualTo("/sign-in?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
            } else {
                softly.assertThat(answer.statusCode()).as(route).isEqualTo(303);
                softly.assertThat(answer.getHeader("Location")).as(route).isEqualTo("/sign-in");
            }
        }
        softly.assertAll();
        assertThat(checked).contains("GET /chat/:id", "POST /api/v1/conversations/:id/messages",
                "GET /api/v1/companies/:krxCode", "POST /account/delete");
    }

    @Test
    @DisplayName("A route nobody documented is guarded too: the guard answers before the 404")
    void unknownRoutesAreGuarded() {
        TestApp app = SharedApp.get();
        assertThat(await(app.client().get("/api/v1/not-a-route").send()).statusCode()).isEqualTo(401);
        assertThat(await(app.client().get("/not-a-page").send()).getHeader("Location"))
                .isEqualTo("/sign-in?next=%2Fnot-a-page");
        // A dot segment cannot walk from a public prefix into a guarded route.
        assertThat(await(app.client().get("/static/../api/v1/account").send()).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("Public routes stay reachable signed out: home, sign-in page, session probe, OpenAPI, health")
    void publicRoutesAnswer() {
        TestApp app = SharedApp.get();
        for (String path : List.of("/", "/sign-in", "/api/v1/session", "/api/v1/openapi.json", "/health/live")) {
            assertThat(await(app.client().get(path).send()).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(await(app.client().get("/api/v1/session").send()).bodyAsJsonObject().getBoolean("signedIn"))
                .isFalse();
    }

    @Test
    @DisplayName("After sign-in the user lands on the page they asked for; a next pointing elsewhere is ignored")
    void signInReturnsToTheAskedPage() {
        TestApp app = SharedApp.get();
        String signInPage = await(app.client().get("/sign-in?next=%2Fknowledge").send()).bodyAsString();
        assertThat(signInPage).contains("name=\"next\"").contains("value=\"/knowledge\"");

        assertThat(signIn(app, "/knowledge")).isEqualTo("/knowledge");
        assertThat(signIn(app, "//evil.example/steal")).isEqualTo("/chat");
        assertThat(signIn(app, "https://evil.example/")).isEqualTo("/chat");
        assertThat(SignInGuard.sameOriginPath("/\\evil.example")).isNull();
        assertThat(SignInGuard.sameOriginPath("/chat/12?lang=ko")).isEqualTo("/chat/12?lang=ko");
    }

    @Test
    @DisplayName("A signed-in caller passes the guard: the session cookie opens a guarded page and API")
    void signedInPasses() {
        TestApp.Browser browser = SharedApp.newUser();
        assertThat(browser.get("/knowledge").statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/v1/usage").statusCode()).isEqualTo(200);
        JsonObject session = browser.get("/api/v1/session").bodyAsJsonObject();
        assertThat(session.getBoolean("signedIn")).isTrue();
    }

    private static String signIn(TestApp app, String next) {
        WebClientSession session = WebClientSession.create(app.client());
        HttpResponse<Buffer> answer = await(session.post("/auth/dev").sendForm(MultiMap.caseInsensitiveMultiMap()
                .add("email", "guard-" + Math.abs(next.hashCode()) + "@example.com").add("next", next)));
        assertThat(answer.statusCode()).isEqualTo(303);
        return answer.getHeader("Location");
    }
}
