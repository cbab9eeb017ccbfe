package com.finlens.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.integration.llm.SseFixtures;
import com.finlens.testing.RecordedLlm;
import com.finlens.testing.ReplayServer;
import com.finlens.testing.Sql;
import com.finlens.testing.TestApp;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WeaviateOutageTest {

    @Test
    @DisplayName("With the Weaviate endpoint down the answer still completes, says the passages are missing and is stored marked degraded")
    void answerIsDegradedNotFailed() {
        Vertx vertx = Vertx.vertx();
        ReplayServer weaviate = ReplayServer.start(vertx);
        weaviate.on("GET", "/v1/schema/FinlensChunk").reply(200, "application/json",
                ReplayServer.resource("fixtures/weaviate/schema_collection_definition_example.json"));
        weaviate.on("POST", "/v1/graphql").reply(200, "application/json", "{\"data\":{\"Get\":{\"FinlensChunk\":[]}}}");
        try (RecordedLlm llm = new RecordedLlm()) {
            llm.completions().stream("text/event-stream", SseFixtures.mexico(), Duration.ZERO);
            try (TestApp app = TestApp.start(llm.env(Map.of("FINLENS_WEAVIATE_URL", weaviate.baseUrl(),
                    "FINLENS_ASSISTANT_STEP_TIMEOUT", "5s")))) {
                TestApp.Browser alice = app.signIn("weaviate-down@example.com");
                long id = alice.post("/api/v1/conversations", new JsonObject()).bodyAsJsonObject().getLong("id");
                weaviate.close();

                HttpResponse<Buffer> answer = alice.post("/api/v1/conversations/" + id + "/messages",
                        new JsonObject().put("content", "What is the capital of Mexico?"));

                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.bodyAsString()).contains("\"name\":\"passages\"").contains("\"status\":\"failed\"")
                        .contains("\"status\":\"complete\"");
                assertThat(Sql.count(app.app().databaseUrl(), "select count(*) from messages where conversation_id = ?"
                        + " and status = 'complete' and metadata like '%\"degraded\":[\"passages\"]%'", id)).isOne();
            }
        } finally {
            vertx.close();
        }
    }
}
