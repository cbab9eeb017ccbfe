package com.finlens.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.integration.llm.SseFixtures;
import com.finlens.testing.RecordedLlm;
import com.finlens.testing.TestApp;
import com.finlens.testing.Waits;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest {

    @Test
    @DisplayName("On shutdown readiness turns 503 and an answer already streaming still finishes before the server stops")
    void drainsInFlightAnswers() throws Exception {
        RecordedLlm llm = new RecordedLlm();
        // A recorded ChatGPT stream, one event every 300 ms: the answer is still streaming when shutdown begins.
        llm.completions().stream("text/event-stream", SseFixtures.mexico(), Duration.ofMillis(300));
        TestApp app = TestApp.start(llm.env(Map.of()));
        try {
            TestApp.Browser alice = app.signIn("drain@example.com");
            long id = alice.post("/api/v1/conversations", new JsonObject()).bodyAsJsonObject().getLong("id");
            CompletableFuture<HttpResponse<Buffer>> answer = alice.session()
                    .post("/api/v1/conversations/" + id + "/messages").putHeader("X-CSRF-Token", alice.csrfToken())
                    .sendJsonObject(new JsonObject().put("content", "What is the capital of Mexico?"))
                    .toCompletionStage().toCompletableFuture();
            Waits.until(Duration.ofSeconds(30), () -> llm.calls() > 0);
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> app.app().stop(Duration.ofSeconds(30)));
            Waits.until(Duration.ofSeconds(10),
                    () -> TestApp.await(app.client().get("/health/ready").send()).statusCode() == 503);

            String stream = answer.get().bodyAsString();
            assertThat(stream).contains("{\"text\":\" City\"}").contains("event: done");
            assertThat(stream).contains("\"status\":\"complete\"");
            stopped.get();
        } finally {
            llm.close();
        }
    }
}
