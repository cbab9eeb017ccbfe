package com.finlens.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.SharedApp;
import com.finlens.testing.TestApp;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/conversations?q=} and {@code PATCH /api/v1/conversations/{id}}: owner-scoped, parameterized. */
class ConversationSearchApiTest {

    @Test
    @DisplayName("Search finds the owner's conversations by title or message text, treats % and _ as text, and never"
            + " another user's")
    void searchIsOwnerScoped() {
        TestApp.Browser alice = SharedApp.newUser();
        TestApp.Browser bob = SharedApp.newUser();
        long titled = create(alice, "반도체 50% 메모");
        long other = create(alice, "배당 정리");
        long bobs = create(bob, "반도체 50% 메모");
        alice.post("/api/v1/conversations/" + other + "/messages",
                new JsonObject().put("content", "삼성전자 주가 알려줘"));

        assertThat(ids(alice, "반도체")).containsExactly(titled);
        assertThat(ids(alice, "삼성전자 주가")).containsExactly(other);
        assertThat(ids(alice, "50%")).containsExactly(titled);
        assertThat(ids(alice, "5_%")).isEmpty();
        assertThat(ids(alice, "' or 1=1 --")).isEmpty();
        assertThat(ids(bob, "반도체")).containsExactly(bobs);
        assertThat(alice.get("/api/v1/conversations?q=" + "x".repeat(201)).statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("Rename changes the owner's title, rejects an empty one, and is 404 for anyone else")
    void renameIsOwnerScoped() {
        TestApp.Browser alice = SharedApp.newUser();
        TestApp.Browser bob = SharedApp.newUser();
        long id = create(alice, "처음 제목");

        var renamed = alice.send(HttpMethod.PATCH, "/api/v1/conversations/" + id, new JsonObject().put("title", "  새  제목 "));
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(renamed.bodyAsJsonObject().getString("title")).isEqualTo("새 제목");
        assertThat(alice.send(HttpMethod.PATCH, "/api/v1/conversations/" + id, new JsonObject().put("title", " "))
                .statusCode()).isEqualTo(400);
        assertThat(bob.send(HttpMethod.PATCH, "/api/v1/conversations/" + id, new JsonObject().put("title", "탈취"))
                .statusCode()).isEqualTo(404);
        assertThat(alice.get("/api/v1/conversations/" + id).bodyAsJsonObject().getString("title")).isEqualTo("새 제목");
    }

    @Test
    @DisplayName("The history page's rename and delete forms need the CSRF field; with it they change only the"
            + " owner's conversation")
    void historyFormsNeedCsrf() {
        TestApp.Browser alice = SharedApp.newUser();
        TestApp.Browser bob = SharedApp.newUser();
        long id = create(alice, "지킬 대화");
        MultiMap rename = MultiMap.caseInsensitiveMultiMap().add("title", "바뀐 제목");

        assertThat(form(alice.session().post("/history/" + id + "/rename"), rename).statusCode()).isEqualTo(403);
        assertThat(form(alice.session().post("/history/" + id + "/delete"), MultiMap.caseInsensitiveMultiMap())
                .statusCode()).isEqualTo(403);
        assertThat(form(bob.session().post("/history/" + id + "/delete"),
                MultiMap.caseInsensitiveMultiMap().add("_csrf", bob.csrfToken())).statusCode()).isEqualTo(404);
        assertThat(alice.get("/api/v1/conversations/" + id).bodyAsJsonObject().getString("title")).isEqualTo("지킬 대화");

        assertThat(form(alice.session().post("/history/" + id + "/rename"), rename.add("_csrf", alice.csrfToken()))
                .statusCode()).isEqualTo(303);
        assertThat(alice.get("/api/v1/conversations/" + id).bodyAsJsonObject().getString("title")).isEqualTo("바뀐 제목");
        assertThat(form(alice.session().post("/history/" + id + "/delete"),
                MultiMap.caseInsensitiveMultiMap().add("_csrf", alice.csrfToken())).statusCode()).isEqualTo(303);
        assertThat(alice.get("/api/v1/conversations/" + id).statusCode()).isEqualTo(404);
    }

    private static HttpResponse<Buffer> form(HttpRequest<Buffer> request, MultiMap fields) {
        return TestApp.await(request.followRedirects(false).sendForm(fields));
    }

    private static long create(TestApp.Browser user, String title) {
        return user.post("/api/v1/conversations", new JsonObject().put("title", title)).bodyAsJsonObject().getLong("id");
    }

    private static java.util.List<Long> ids(TestApp.Browser user, String q) {
        JsonArray list = user.get("/api/v1/conversations?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                .bodyAsJsonObject().getJsonArray("conversations");
        return list.stream().map(o -> ((JsonObject) o).getLong("id")).toList();
    }
}
