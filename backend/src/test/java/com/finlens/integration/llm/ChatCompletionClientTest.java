package com.finlens.integration.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.finlens.testing.ReplayServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChatCompletionClientTest {

    private static Vertx vertx;
    private static ReplayServer upstream;
    private static HttpClient http;
    private static ChatCompletionClient client;

    private static final ChatRequest REQUEST = new ChatRequest("gpt-4o-mini",
            List.of(ChatMessage.system("Be brief."), ChatMessage.user("Capital of Mexico?")), 100, 0.2);

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        upstream = ReplayServer.start(vertx);
        http = vertx.createHttpClient();
        client = new ChatCompletionClient(http, "openai", upstream.baseUrl() + "/v1", "sk-test-key");
    }

    @AfterAll
    static void stop() {
        upstream.close();
        ReplayServer.await(vertx.close());
    }

    @BeforeEach
    void reset() {
        upstream.reset();
    }

    @Test
    @DisplayName("A recorded stream arrives as text pieces in order, with the model and usage from the last chunk")
    void streamsInOrder() {
        upstream.on("POST", "/v1/chat/completions").stream("text/event-stream", SseFixtures.mexico(), Duration.ofMillis(1));
        List<String> pieces = new CopyOnWriteArrayList<>();

        ChatCompletion done = ReplayServer.await(client.stream(REQUEST, pieces::add).completion());

        assertThat(pieces).containsExactly("The", " capital", " of", " Mexico", " is", " Mexico", " City", ".");
        assertThat(done.text()).isEqualTo("The capital of Mexico is Mexico City.");
        assertThat(done.model()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(done.usage()).isEqualTo(new TokenUsage(14, 8, true));
        assertThat(done.finishReason()).isEqualTo("stop");
    }

    @Test
    @DisplayName("The request streams with usage included, carries the key as a bearer token and the messages as sent")
    void requestShape() {
        upstream.on("POST", "/v1/chat/completions").stream("text/event-stream", SseFixtures.six(), Duration.ofMillis(1));

        ChatCompletion done = ReplayServer.await(client.stream(REQUEST, p -> { }).completion());

        assertThat(done.usage().reported()).isFalse();
        ReplayServer.Received received = upstream.received().get(0);
        assertThat(received.headers().get("Authorization")).isEqualTo("Bearer sk-test-key");
        JsonObject body = new JsonObject(received.body());
        assertThat(body.getBoolean("stream")).isTrue();
        assertThat(body.getJsonObject("stream_options").getBoolean("include_usage")).isTrue();
        assertThat(body.getString("model")).isEqualTo("gpt-4o-mini");
        assertThat(body.getJsonArray("messages").getJsonObject(1).getString("content")).isEqualTo("Capital of Mexico?");
    }

    @Test
    @DisplayName("Recorded error answers are classified: invalid key, unknown model, rate limit with its wait, no credit, server error")
    void classifiesErrors() {
        assertThat(failureFor(401, "chat_completions_401_invalid_api_key.json", Map.of()).kind())
                .isEqualTo(LlmException.Kind.INVALID_KEY);
        assertThat(failureFor(404, "chat_completions_404_model_not_found.json", Map.of()).kind())
                .isEqualTo(LlmException.Kind.MODEL_NOT_FOUND);
        LlmException limited = failureFor(429, "429_rate_limit_exceeded_tokens.json", Map.of("Retry-After", "7"));
        assertThat(limited.kind()).isEqualTo(LlmException.Kind.RATE_LIMITED);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        LlmException hinted = failureFor(429, "429_rate_limit_exceeded_tokens.json", Map.of());
        assertThat(hinted.retryAfter()).isEqualTo(Duration.ofMillis(26_604));
        assertThat(failureFor(429, "429_insufficient_quota.json", Map.of()).kind())
                .isEqualTo(LlmException.Kind.QUOTA_EXHAUSTED);
        assertThat(failureFor(500, "500_server_error.json", Map.of()).kind()).isEqualTo(LlmException.Kind.SERVER_ERROR);
    }

    @Test
    @DisplayName("The key never appears in an error message")
    void keyNotInErrors() {
        LlmException e = failureFor(401, "chat_completions_401_invalid_api_key.json", Map.of());
        assertThat(e.getMessage()).doesNotContain("sk-test-key");
    }

    @Test
    @DisplayName("An unreachable provider is reported as unreachable")
    void unreachable() {
        int closedPort;
        ReplayServer gone = ReplayServer.start(vertx);
        closedPort = gone.port();
        gone.close();
        ChatCompletionClient nowhere = new ChatCompletionClient(http, "openai", "http://127.0.0.1:" + closedPort, "k");

        Throwable e = catchThrowable(() -> ReplayServer.await(nowhere.stream(REQUEST, p -> { }).completion()));

        assertThat(e).hasRootCauseInstanceOf(LlmException.class);
        assertThat(((LlmException) rootCause(e)).kind()).isEqualTo(LlmException.Kind.UNREACHABLE);
    }

    @Test
    @DisplayName("Aborting a stream closes the upstream connection")
    void abortClosesConnection() throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        upstream.on("POST", "/v1/chat/completions").custom((req, body, res) -> {
            res.setStatusCode(200).putHeader("Content-Type", "text/event-stream").setChunked(true);
            req.connection().closeHandler(v -> closed.countDown());
            res.write(SseFixtures.mexico().get(0));
            res.write(SseFixtures.mexico().get(1));
        });
        CountDownLatch firstToken = new CountDownLatch(1);
        ChatStream stream = client.stream(REQUEST, p -> firstToken.countDown());
        assertThat(firstToken.await(10, TimeUnit.SECONDS)).isTrue();

        stream.abort();

        assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
        Throwable e = catchThrowable(() -> ReplayServer.await(stream.completion()));
        assertThat(((LlmException) rootCause(e)).kind()).isEqualTo(LlmException.Kind.INTERRUPTED);
    }

    private LlmException failureFor(int status, String file, Map<String, String> extraHeaders) {
        upstream.reset();
        Map<String, String> headers = new java.util.HashMap<>(extraHeaders);
        headers.put("Content-Type", "application/json");
        upstream.on("POST", "/v1/chat/completions").reply(status, headers,
                io.vertx.core.buffer.Buffer.buffer(ReplayServer.resource("fixtures/openai/" + file)));
        Throwable e = catchThrowable(() -> ReplayServer.await(client.stream(REQUEST, p -> { }).completion()));
        return (LlmException) rootCause(e);
    }

    static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
