package com.finlens.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.SharedApp;
import com.finlens.testing.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConversationApiTest {

    @Test
    @DisplayName("A user creates a conversation, asks, and the answer streams as ordered events and is stored complete")
    void askStreamsAndStores() {
        TestApp.Browser alice = SharedApp.newUser();
        HttpResponse<Buffer> created = alice.post("/api/v1/conversations", new JsonObject());
        assertThat(created.statusCode()).isEqualTo(201);
        long id = created.bodyAsJsonObject().getLong("id");
        assertThat(created.getHeader("Location")).isEqualTo("/api/v1/conversations/" + id);

        HttpResponse<Buffer> stream = alice.post("/api/v1/conversations/" + id + "/messages",
                new JsonObject().put("content", "삼성전자 최근 공시 알려줘"));
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.getHeader("Content-Type")).startsWith("text/event-stream");
        assertThat(stream.getHeader("X-Accel-Buffering")).isEqualTo("no");
        List<String[]> events = parse(stream.bodyAsString());
        List<String> names = events.stream().map(e -> e[0]).toList();
        assertThat(names.get(0)).isEqualTo("start");
        assertThat(names.get(names.size() - 1)).isEqualTo("done");
        assertThat(names).contains("token");
        StringBuilder streamed = new StringBuilder();
        for (String[] e : events) {
            if (e[0].equals("token")) {
                streamed.append(new JsonObject(e[1]).getString("text"));
            }
        }
        assertThat(new JsonObject(events.get(events.size() - 1)[1]).getString("status")).isEqualTo("complete");

        JsonArray messages = alice.get("/api/v1/conversations/" + id + "/messages").bodyAsJsonObject()
                .getJsonArray("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.getJsonObject(0).getString("role")).isEqualTo("user");
        assertThat(messages.getJsonObject(0).getString("content")).isEqualTo("삼성전자 최근 공시 알려줘");
        assertThat(messages.getJsonObject(1).getString("role")).isEqualTo("assistant");
        assertThat(messages.getJsonObject(1).getString("status")).isEqualTo("complete");
        assertThat(messages.getJsonObject(1).getString("content")).isEqualTo(streamed.toString()).isNotBlank();

        JsonObject listed = alice.get("/api/v1/conversations").bodyAsJsonObject().getJsonArray("conversations")
                .getJsonObject(0);
        assertThat(listed.getLong("id")).isEqualTo(id);
        assertThat(listed.getString("title")).isEqualTo("삼성전자 최근 공시 알려줘");
    }

    @Test
    @DisplayName("Another user's conversation is a 404 for every route, and nothing of it leaks")
    void crossUserIsNotFound() {
        TestApp.Browser owner = SharedApp.newUser();
        TestApp.Browser other = SharedApp.newUser();
        long id = owner.post("/api/v1/conversations", new JsonObject().put("title", "private plans"))
                .bodyAsJsonObject().getLong("id");
        for (HttpResponse<Buffer> response : List.of(
                other.get("/api/v1/conversations/" + id),
                other.get("/api/v1/conversations/" + id + "/messages"),
                other.post("/api/v1/conversations/" + id + "/messages", new JsonObject().put("content", "hi")),
                other.send(HttpMethod.DELETE, "/api/v1/conversations/" + id, null),
                other.get("/chat/" + id))) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.bodyAsString()).doesNotContain("private plans");
        }
        assertThat(other.get("/api/v1/conversations").bodyAsString()).doesNotContain("private plans");
        assertThat(owner.get("/api/v1/conversations/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("Bad questions are rejected with problem+json naming the field, and nothing is stored")
    void badInput() {
        TestApp.Browser alice = SharedApp.newUser();
        long id = alice.post("/api/v1/conversations", new JsonObject()).bodyAsJsonObject().getLong("id");
        HttpResponse<Buffer> empty = alice.post("/api/v1/conversations/" + id + "/messages",
                new JsonObject().put("content", " "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(empty.bodyAsJsonObject().getString("parameter")).isEqualTo("content");

        HttpResponse<Buffer> tooLong = alice.post("/api/v1/conversations/" + id + "/messages",
                new JsonObject().put("content", "x".repeat(4001)));
        assertThat(tooLong.bodyAsJsonObject().getString("parameter")).isEqualTo("content");

        HttpResponse<Buffer> badUrl = alice.post("/api/v1/conversations/" + id + "/messages",
                new JsonObject().put("content", "ok").put("context", new JsonObject().put("url", "javascript:alert(1)")));
        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(badUrl.bodyAsJsonObject().getString("parameter")).isEqualTo("context.url");

        HttpResponse<Buffer> badId = alice.get("/api/v1/conversations/abc/messages");
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.bodyAsJsonObject().getString("parameter")).isEqualTo("id");

        assertThat(alice.get("/api/v1/conversations/" + id + "/messages").bodyAsJsonObject()
                .getJsonArray("messages")).isEmpty();
    }

    @Test
    @DisplayName("Unsafe API calls with the session cookie but without the CSRF token are refused with 403")
    void csrfRequired() {
        TestApp.Browser alice = SharedApp.newUser();
        HttpResponse<Buffer> response = TestApp.await(alice.session().post("/api/v1/conversations")
                .sendJsonObject(new JsonObject()));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.bodyAsJsonObject().getString("type")).endsWith("/csrf-token-invalid");
        assertThat(alice.get("/api/v1/conversations").bodyAsJsonObject().getJsonArray("conversations")).isEmpty();
    }

    @Test
    @DisplayName("The web UI's own pages may POST with their Origin header while extension CORS is on; foreign origins may not")
    void sameOriginPostsPassCors() {
        TestApp.Browser alice = SharedApp.newUser();
        String self = SharedApp.get().baseUrl();
        HttpResponse<Buffer> own = TestApp.await(alice.request(HttpMethod.POST, "/api/v1/conversations")
                .putHeader("Origin", self).sendJsonObject(new JsonObject()));
        assertThat(own.statusCode()).isEqualTo(201);
        HttpResponse<Buffer> foreign = TestApp.await(alice.request(HttpMethod.POST, "/api/v1/conversations")
                .putHeader("Origin", "https://evil.example.com").sendJsonObject(new JsonObject()));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.getHeader("Access-Control-Allow-Origin")).isNull();
    }

    static List<String[]> parse(String body) {
        List<String[]> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String event = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
            if (event != null) {
                events.add(new String[] {event, data.toString()});
            }
        }
        return events;
    }
}
