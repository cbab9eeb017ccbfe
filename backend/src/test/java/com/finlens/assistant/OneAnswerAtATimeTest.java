package com.finlens.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.integration.llm.SseFixtures;
import com.finlens.testing.RecordedLlm;
import com.finlens.testing.Sql;
import com.finlens.testing.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OneAnswerAtATimeTest {

    @Test
    @DisplayName("50 questions at once in one conversation: one answer at a time, the rest get 409 problem+json, no 5xx, nothing half-stored")
    void fiftyConcurrentQuestionsInOneConversation() throws Exception {
        try (RecordedLlm llm = new RecordedLlm()) {
            llm.completions().stream("text/event-stream", SseFixtures.mexico(), Duration.ofMillis(100));
            fiftyAtOnce(llm);
        }
    }

    private static void fiftyAtOnce(RecordedLlm llm) throws Exception {
        try (TestApp app = TestApp.start(llm.env(Map.of()))) {
            TestApp.Browser alice = app.signIn("busy@example.com");
            long id = alice.post("/api/v1/conversations", new JsonObject()).bodyAsJsonObject().getLong("id");

            List<CompletableFuture<HttpResponse<Buffer>>> asks = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                asks.add(alice.request(HttpMethod.POST, "/api/v1/conversations/" + id + "/messages")
                        .sendJsonObject(new JsonObject().put("content", "What is the capital of Mexico? #" + i))
                        .toCompletionStage().toCompletableFuture());
            }
            int answered = 0;
            for (CompletableFuture<HttpResponse<Buffer>> ask : asks) {
                HttpResponse<Buffer> response = ask.get(120, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isIn(200, 409);
                if (response.statusCode() == 200) {
                    answered++;
                    assertThat(response.bodyAsString()).contains("\"status\":\"complete\"");
                } else {
                    assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
                    assertThat(response.bodyAsJsonObject().getString("type")).endsWith("answer-in-progress");
                    assertThat(response.bodyAsJsonObject().getString("detail")).contains("still answering");
                }
            }
            assertThat(answered).isPositive();
            String db = app.app().databaseUrl();
            assertThat(Sql.count(db, "select count(*) from messages where conversation_id = ? and role = 'user'", id))
                    .isEqualTo(answered);
            assertThat(Sql.count(db, "select count(*) from messages where conversation_id = ? and role = 'assistant'"
                    + " and status = 'complete'", id)).isEqualTo(answered);
        }
    }
}
