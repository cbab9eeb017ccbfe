package com.finlens.account;

import static com.finlens.testing.TestApp.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.SharedApp;
import com.finlens.testing.TestApp;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AccountDataTest {

    @Test
    @DisplayName("The account page shows the account in Korean and English, and sends signed-out visitors to sign-in")
    void accountPage() {
        TestApp.Browser alice = SharedApp.newUser();
        String email = email(alice);
        HttpResponse<Buffer> korean = alice.get("/account?lang=ko");
        assertThat(korean.statusCode()).isEqualTo(200);
        assertThat(korean.bodyAsString()).contains("내 계정").contains(email).contains("(현재 브라우저)");
        HttpResponse<Buffer> english = alice.get("/account?lang=en");
        assertThat(english.bodyAsString()).contains("Your account").contains(email).contains("Export my data");

        HttpResponse<Buffer> anonymous = await(SharedApp.get().client().get("/account").send());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.getHeader("Location")).isEqualTo("/sign-in?next=%2Faccount");
    }

    @Test
    @DisplayName("A user signs another browser out from the account page; other users' sessions are a 404")
    void revokeSession() {
        String email = "multi-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        TestApp.Browser laptop = SharedApp.get().signIn(email);
        TestApp.Browser phone = SharedApp.get().signIn(email);
        TestApp.Browser stranger = SharedApp.newUser();
        JsonArray sessions = laptop.get("/api/v1/account").bodyAsJsonObject().getJsonArray("sessions");
        assertThat(sessions).hasSize(2);
        String phoneId = sessions.stream().map(JsonObject.class::cast).filter(s -> !s.getBoolean("current"))
                .findFirst().orElseThrow().getString("id");

        assertThat(form(stranger, "/account/sessions/" + phoneId + "/revoke", MultiMap.caseInsensitiveMultiMap())
                .statusCode()).isEqualTo(404);
        HttpResponse<Buffer> noCsrf = await(laptop.session().post("/account/sessions/" + phoneId + "/revoke").send());
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(signedIn(phone)).isTrue();

        HttpResponse<Buffer> revoked = form(laptop, "/account/sessions/" + phoneId + "/revoke",
                MultiMap.caseInsensitiveMultiMap());
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(revoked.getHeader("Location")).isEqualTo("/account");
        assertThat(signedIn(phone)).isFalse();
        assertThat(signedIn(laptop)).isTrue();
    }

    @Test
    @DisplayName("A cookie-authenticated API POST without the CSRF token is refused with 403 problem+json")
    void apiPostNeedsCsrf() {
        TestApp.Browser alice = SharedApp.newUser();
        HttpResponse<Buffer> response = await(alice.session().post("/api/v1/conversations")
                .sendJsonObject(new JsonObject().put("title", "no token")));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
        assertThat(alice.get("/api/v1/conversations").bodyAsString()).doesNotContain("no token");
    }

    @Test
    @DisplayName("The export is a JSON attachment with the user's conversations and messages, nobody else's, and no secrets")
    void export() {
        TestApp.Browser alice = SharedApp.newUser();
        TestApp.Browser bob = SharedApp.newUser();
        long aliceConversation = alice.post("/api/v1/conversations", new JsonObject().put("title", "alpha plans"))
                .bodyAsJsonObject().getLong("id");
        assertThat(alice.post("/api/v1/conversations/" + aliceConversation + "/messages",
                new JsonObject().put("content", "삼성전자 배당 알려줘")).statusCode()).isEqualTo(200);
        bob.post("/api/v1/conversations", new JsonObject().put("title", "beta secret"));

        for (String path : new String[] {"/account/export", "/api/v1/account/export"}) {
            HttpResponse<Buffer> response = alice.get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.getHeader("Content-Type")).startsWith("application/json");
            assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;");
            JsonObject export = response.bodyAsJsonObject();
            assertThat(export.getJsonObject("user").getString("email")).isEqualTo(email(alice));
            JsonArray conversations = export.getJsonArray("conversations");
            assertThat(conversations).hasSize(1);
            assertThat(conversations.getJsonObject(0).getString("title")).isEqualTo("alpha plans");
            assertThat(conversations.getJsonObject(0).getJsonArray("messages").getJsonObject(0).getString("content"))
                    .isEqualTo("삼성전자 배당 알려줘");
            assertThat(export.getJsonArray("sessions")).hasSize(1);
            assertThat(response.bodyAsString()).doesNotContain("beta secret").doesNotContain(alice.csrfToken());
        }
    }

    @Test
    @DisplayName("Deleting the account needs the email as confirmation, then removes the user and their conversations and signs out")
    void deleteAccount() {
        TestApp.Browser alice = SharedApp.newUser();
        alice.post("/api/v1/conversations", new JsonObject().put("title", "to be deleted"));
        assertThat(count("select count(*) from conversations where user_id = ?", alice.userId())).isEqualTo(1);

        HttpResponse<Buffer> wrong = form(alice, "/account/delete",
                MultiMap.caseInsensitiveMultiMap().add("confirm", "someone@example.com"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(signedIn(alice)).isTrue();

        HttpResponse<Buffer> deleted = form(alice, "/account/delete",
                MultiMap.caseInsensitiveMultiMap().add("confirm", email(alice)));
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.getHeader("Location")).isEqualTo("/");
        assertThat(deleted.cookies()).anyMatch(c -> c.startsWith("finlens_session=;") && c.contains("Max-Age=0"));
        assertThat(count("select count(*) from users where id = ?", alice.userId())).isZero();
        assertThat(count("select count(*) from conversations where user_id = ?", alice.userId())).isZero();
        assertThat(count("select count(*) from web_sessions where user_id = ?", alice.userId())).isZero();
    }

    @Test
    @DisplayName("The JSON API deletes the account with {\"confirm\": email} and answers 204")
    void deleteAccountApi() {
        TestApp.Browser alice = SharedApp.newUser();
        HttpResponse<Buffer> wrong = alice.send(HttpMethod.DELETE, "/api/v1/account", new JsonObject());
        assertThat(wrong.statusCode()).isEqualTo(400);
        HttpResponse<Buffer> deleted = alice.send(HttpMethod.DELETE, "/api/v1/account",
                new JsonObject().put("confirm", email(alice)));
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(count("select count(*) from users where id = ?", alice.userId())).isZero();
    }

    private static HttpResponse<Buffer> form(TestApp.Browser browser, String path, MultiMap fields) {
        return await(browser.session().post(path).sendForm(fields.add("_csrf", browser.csrfToken())));
    }

    private static boolean signedIn(TestApp.Browser browser) {
        return browser.get("/api/v1/session").bodyAsJsonObject().getBoolean("signedIn");
    }

    private static String email(TestApp.Browser browser) {
        return browser.get("/api/v1/session").bodyAsJsonObject().getJsonObject("user").getString("email");
    }

    private static long count(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(SharedApp.get().app().config().db().url(), "root", "");
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
}
