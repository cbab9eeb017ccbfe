package com.finlens.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.integration.llm.SseFixtures;
import com.finlens.testing.RecordedLlm;
import com.finlens.testing.Sql;
import com.finlens.testing.TestApp;
import com.finlens.testing.Waits;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The faults suite, answer side: upstream misbehaviour and clients that go away, against the real app. */
class AnswerFaultsTest {

    private static RecordedLlm llm;
    private static TestApp app;

    @BeforeAll
    static void start() {
        llm = new RecordedLlm();
        app = TestApp.start(llm.env(Map.of("FINLENS_LLM_FIRST_TOKEN_TIMEOUT", "60s")));
    }

    @AfterAll
    static void stop() {
        app.close();
        llm.close();
    }

    @BeforeEach
    void resetLlm() {
        llm.server().reset();
    }

    @Test
    @DisplayName("A client hanging up mid-stream cancels the upstream request and the partial answer is stored cancelled")
    void clientHangUp() {
        AtomicBoolean upstreamClosed = new AtomicBoolean();
        // Three recorded events, then the model keeps "thinking": the answer is mid-stream when the client leaves.
        llm.completions().custom((request, body, response) -> {
            response.setStatusCode(200).putHeader("Content-Type", "text/event-stream").setChunked(true);
            SseFixtures.mexico().subList(0, 3).forEach(response::write);
            response.closeHandler(v -> upstreamClosed.set(true));
        });
        TestApp.Browser alice = app.signIn("hangup@example.com");
        long id = alice.post("/api/v1/conversations", new JsonObject()).bodyAsJsonObject().getLong("id");
        String cookies = StreamSupport.stream(alice.session().cookieStore().get(false, "127.0.0.1", "/").spliterator(),
                false).map(c -> c.name() + "=" + c.value()).collect(Collectors.joining("; "));

        HttpClient http = app.clientVertx().createHttpClient();
        AtomicBoolean sawToken = new AtomicBoolean();
        http.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(app.port())
                        .setURI("/api/v1/conversations/" + id + "/messages"))
                .compose(request -> request.putHeader("Cookie", cookies).putHeader("X-CSRF-Token", alice.csrfToken())
                        .putHeader("Content-Type", "application/json")
                        .send(new JsonObject().put("content", "What is the capital of Mexico?").encode()))
                .onSuccess(response -> response.handler(chunk -> {
                    if (chunk.toString().contains("event: token") && sawToken.compareAndSet(false, true)) {
                        response.request().connection().close();
                    }
                }));

        Waits.until(Duration.ofSeconds(30), sawToken::get);
        Waits.until(Duration.ofSeconds(30), upstreamClosed::get);
        String db = app.app().databaseUrl();
        Waits.until(Duration.ofSeconds(30), () -> Sql.count(db, "select count(*) from messages where conversation_id = ?"
                + " and role = 'assistant' and status = 'cancelled' and content <> ''", id) == 1);
        http.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an HTML error page with status 200|text/html|<html><body><h1>Bad gateway</h1>upstream-secret-marker</body></html>",
            "truncated JSON|text/event-stream|data: {\"id\":\"chatcmpl-1\",\"choices\":[{\"delta\":{\"content\":\"upstream-secret-marker",
            "garbage bytes|application/octet-stream|\u0000\u0001upstream-secret-marker\uFFFD\uFFFD"})
    @DisplayName("An upstream answering with something that is not an answer gives a clear error, stored failed, with no upstream text shown")
    void upstreamGarbage(String what, String contentType, String body) {
        llm.completions().reply(200, contentType, body);
        TestApp.Browser bob = app.signIn("garbage@example.com");
        long id = bob.post("/api/v1/conversations", new JsonObject()).bodyAsJsonObject().getLong("id");

        HttpResponse<Buffer> answer = bob.post("/api/v1/conversations/" + id + "/messages",
                new JsonObject().put("content", "What is the capital of Mexico?"));

        assertThat(answer.statusCode()).isLessThan(500);
        assertThat(answer.bodyAsString()).contains("llm-unavailable").contains("The language model is not available")
                .doesNotContain("upstream-secret-marker").doesNotContain("\"status\":\"complete\"");
        assertThat(Sql.count(app.app().databaseUrl(), "select count(*) from messages where conversation_id = ?"
                + " and role = 'assistant' and status = 'failed'", id)).isEqualTo(1);
    }
}
