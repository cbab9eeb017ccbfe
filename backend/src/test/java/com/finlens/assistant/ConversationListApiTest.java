package com.finlens.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.SharedApp;
import com.finlens.testing.TestApp;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The polled list (GET /api/v1/conversations) is kept per user, encoded, for two seconds: every change made through
 * this server shows at once, and no user ever gets another's list.
 */
class ConversationListApiTest {

    @Test
    @DisplayName("A new conversation, a rename, a question and a delete each show in the polled list at once")
    void everyWriteShowsAtOnce() {
        TestApp.Browser alice = SharedApp.newUser();
        assertThat(titles(alice)).isEmpty();
        long first = alice.post("/api/v1/conversations", new JsonObject().put("title", "first"))
                .bodyAsJsonObject().getLong("id");
        long second = alice.post("/api/v1/conversations", new JsonObject().put("title", "second"))
                .bodyAsJsonObject().getLong("id");
        assertThat(titles(alice)).containsExactly("second", "first");

        alice.send(HttpMethod.PATCH, "/api/v1/conversations/" + first, new JsonObject().put("title", "renamed"));
        assertThat(titles(alice)).containsExactly("second", "renamed");

        // Asking moves the conversation to the top.
        assertThat(alice.post("/api/v1/conversations/" + second + "/messages",
                new JsonObject().put("content", "삼성전자 주가 알려줘")).statusCode()).isEqualTo(200);
        assertThat(ids(alice)).containsExactly(second, first);

        alice.send(HttpMethod.DELETE, "/api/v1/conversations/" + second, null);
        assertThat(ids(alice)).containsExactly(first);
    }

    @Test
    @DisplayName("Two users polling at once each get their own list, also right after the other's list was cached")
    void eachUserGetsTheirOwnList() {
        TestApp.Browser alice = SharedApp.newUser();
        TestApp.Browser bob = SharedApp.newUser();
        alice.post("/api/v1/conversations", new JsonObject().put("title", "alice's plans"));
        assertThat(titles(alice)).containsExactly("alice's plans");
        assertThat(titles(bob)).isEmpty();
        bob.post("/api/v1/conversations", new JsonObject().put("title", "bob's plans"));
        for (int i = 0; i < 3; i++) {
            assertThat(titles(alice)).containsExactly("alice's plans");
            assertThat(titles(bob)).containsExactly("bob's plans");
        }
    }

    private static List<String> titles(TestApp.Browser user) {
        return list(user).stream().map(c -> ((JsonObject) c).getString("title")).toList();
    }

    private static List<Long> ids(TestApp.Browser user) {
        return list(user).stream().map(c -> ((JsonObject) c).getLong("id")).toList();
    }

    private static JsonArray list(TestApp.Browser user) {
        var response = user.get("/api/v1/conversations");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
        return response.bodyAsJsonObject().getJsonArray("conversations");
    }
}
