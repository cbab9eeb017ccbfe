package com.finlens.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.finlens.assistant.answer.Cancellation;
import com.finlens.integration.llm.ChatMessage;
import com.finlens.integration.llm.LlmException;
import com.finlens.integration.llm.SseFixtures;
import com.finlens.platform.config.Env;
import com.finlens.platform.http.ApiException;
import com.finlens.testing.ReplayServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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

class LlmRouterTest {

    private static final String RUNPOD_CHAT = "/v2/ep1/openai/v1/chat/completions";
    private static final String RUNPOD_HEALTH = "/v2/ep1/health";
    private static final String OPENAI_CHAT = "/v1/chat/completions";
    private static final List<ChatMessage> CHAT = List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi"));
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private static Vertx vertx;
    private static ReplayServer upstream;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T01:00:00Z"));
    private final List<String> tokens = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        upstream = ReplayServer.start(vertx);
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
    @DisplayName("A warm RunPod endpoint answers first and OpenAI is not asked")
    void preferredProviderAnswers() {
        warmRunPod();
        upstream.on("POST", RUNPOD_CHAT).stream("text/event-stream", SseFixtures.mexico(), Duration.ofMillis(1));

        Generation g = ReplayServer.await(router(Map.of()).generate(CHAT, tokens::add, new Cancellation()));

        assertThat(g.provider()).isEqualTo("runpod");
        assertThat(g.text()).isEqualTo("The capital of Mexico is Mexico City.");
        assertThat(String.join("", tokens)).isEqualTo(g.text());
        assertThat(g.usage().promptTokens()).isEqualTo(14);
        assertThat(g.firstTokenMillis()).isGreaterThanOrEqualTo(0);
        assertThat(upstream.count("POST", OPENAI_CHAT)).isZero();
        assertThat(upstream.received().stream().filter(r -> r.path().equals(RUNPOD_CHAT)).findFirst().orElseThrow()
                .headers().get("Authorization")).isEqualTo("Bearer rp-key");
    }

    @Test
    @DisplayName("RunPod answering 500 fails over to OpenAI, and the user sees only OpenAI's answer")
    void failoverOnServerError() {
        warmRunPod();
        upstream.on("POST", RUNPOD_CHAT).reply(500, JSON, fixture("500_server_error.json"));
        upstream.on("POST", OPENAI_CHAT).stream("text/event-stream", SseFixtures.six(), Duration.ofMillis(1));

        Generation g = ReplayServer.await(router(Map.of()).generate(CHAT, tokens::add, new Cancellation()));

        assertThat(g.provider()).isEqualTo("openai");
        assertThat(tokens).containsExactly("six");
        assertThat(g.attempts()).extracting(Generation.Attempt::outcome).containsExactly("SERVER_ERROR", "answered");
    }

    @Test
    @DisplayName("RunPod with no ready or idle worker in /health only gets a one-token warm-up, and OpenAI answers")
    void coldStartByHealth() throws InterruptedException {
        upstream.on("GET", RUNPOD_HEALTH).reply(200, "application/json",
                ReplayServer.resource("fixtures/runpod/health_response_cold.json"));
        upstream.on("POST", RUNPOD_CHAT).hang();
        upstream.on("POST", OPENAI_CHAT).stream("text/event-stream", SseFixtures.six(), Duration.ofMillis(1));

        Generation g = ReplayServer.await(router(Map.of()).generate(CHAT, tokens::add, new Cancellation()));

        assertThat(g.provider()).isEqualTo("openai");
        assertThat(g.attempts().get(0).outcome()).isEqualTo("COLD_START");
        assertThat(tokens).containsExactly("six");
        awaitRequest(RUNPOD_CHAT);
        List<ReplayServer.Received> toRunPod = upstream.received().stream()
                .filter(r -> r.path().equals(RUNPOD_CHAT)).toList();
        assertThat(toRunPod).singleElement().satisfies(r -> {
            JsonObject body = new JsonObject(r.body());
            assertThat(body.getInteger("max_tokens")).isEqualTo(1);
            assertThat(body.encode()).doesNotContain("Be brief.");
        });
    }

    @Test
    @DisplayName("RunPod slower to its first token than the cold-start budget is abandoned for OpenAI")
    void coldStartBySlowFirstToken() {
        warmRunPod();
        upstream.on("POST", RUNPOD_CHAT).stream("text/event-stream", SseFixtures.mexico(), Duration.ofSeconds(20));
        upstream.on("POST", OPENAI_CHAT).stream("text/event-stream", SseFixtures.six(), Duration.ofMillis(1));

        Generation g = ReplayServer.await(router(Map.of("FINLENS_LLM_COLD_START_BUDGET", "500ms"))
                .generate(CHAT, tokens::add, new Cancellation()));

        assertThat(g.provider()).isEqualTo("openai");
        assertThat(tokens).containsExactly("six");
        assertThat(g.attempts()).extracting(Generation.Attempt::outcome).containsExactly("COLD_START", "answered");
    }

    @Test
    @DisplayName("OpenAI answering 429 with Retry-After is skipped for at least that long, beyond the cool-down")
    void retryAfterIsRespected() {
        warmRunPod();
        upstream.on("POST", OPENAI_CHAT).reply(429, Map.of("Content-Type", "application/json", "Retry-After", "120"),
                fixture("429_rate_limit_exceeded_tokens.json"));
        upstream.on("POST", RUNPOD_CHAT).stream("text/event-stream", SseFixtures.six(), Duration.ofMillis(1));
        LlmRouter router = router(Map.of("FINLENS_LLM_ORDER", "openai,runpod", "FINLENS_LLM_COOL_DOWN", "10s"));

        assertThat(ReplayServer.await(router.generate(CHAT, t -> { }, new Cancellation())).provider()).isEqualTo("runpod");
        clock.advance(Duration.ofSeconds(60));
        Generation skipped = ReplayServer.await(router.generate(CHAT, t -> { }, new Cancellation()));
        assertThat(skipped.attempts().get(0).outcome()).isEqualTo("skipped: cooling down");
        assertThat(upstream.count("POST", OPENAI_CHAT)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(61));
        ReplayServer.await(router.generate(CHAT, t -> { }, new Cancellation()));
        assertThat(upstream.count("POST", OPENAI_CHAT)).isEqualTo(2);
    }

    @Test
    @DisplayName("When nobody answers within the total deadline the generation fails with a timeout")
    void totalDeadline() {
        warmRunPod();
        upstream.on("POST", RUNPOD_CHAT).hang();
        upstream.on("POST", OPENAI_CHAT).hang();

        Throwable e = catchThrowable(() -> ReplayServer.await(router(Map.of("FINLENS_LLM_TOTAL_DEADLINE", "1s"))
                .generate(CHAT, tokens::add, new Cancellation())));

        assertThat(rootCause(e)).isInstanceOf(LlmException.class);
        assertThat(((LlmException) rootCause(e)).kind()).isIn(LlmException.Kind.TIMEOUT, LlmException.Kind.COLD_START);
        assertThat(tokens).isEmpty();
        assertThat(LlmErrors.toApiException((LlmException) rootCause(e)).type()).isEqualTo("llm-timeout");
    }

    @Test
    @DisplayName("A provider dying mid-stream ends the answer as cut off and no second provider starts another one")
    void noSilentSecondAnswer() {
        warmRunPod();
        List<String> events = SseFixtures.mexico();
        upstream.on("POST", RUNPOD_CHAT).custom((req, body, res) -> {
            res.setStatusCode(200).putHeader("Content-Type", "text/event-stream").setChunked(true);
            res.write(events.get(0) + events.get(1) + events.get(2));
            vertx.setTimer(50, t -> req.connection().close());
        });
        upstream.on("POST", OPENAI_CHAT).stream("text/event-stream", SseFixtures.six(), Duration.ofMillis(1));

        Generation g = ReplayServer.await(router(Map.of()).generate(CHAT, tokens::add, new Cancellation()));

        assertThat(g.ending()).isEqualTo(Generation.Ending.CUT_OFF);
        assertThat(g.text()).isEqualTo("The capital");
        assertThat(tokens).containsExactly("The", " capital");
        assertThat(upstream.count("POST", OPENAI_CHAT)).isZero();
    }

    @Test
    @DisplayName("Cancelling stops the upstream request: the provider sees its connection closed")
    void cancellationClosesUpstream() throws InterruptedException {
        warmRunPod();
        CountDownLatch closed = new CountDownLatch(1);
        List<String> events = SseFixtures.mexico();
        upstream.on("POST", RUNPOD_CHAT).custom((req, body, res) -> {
            res.setStatusCode(200).putHeader("Content-Type", "text/event-stream").setChunked(true);
            req.connection().closeHandler(v -> closed.countDown());
            res.write(events.get(0) + events.get(1));
        });
        CountDownLatch firstToken = new CountDownLatch(1);
        Cancellation cancellation = new Cancellation();

        var pending = router(Map.of()).generate(CHAT, t -> firstToken.countDown(), cancellation);
        assertThat(firstToken.await(20, TimeUnit.SECONDS)).isTrue();
        cancellation.cancel();

        assertThat(closed.await(20, TimeUnit.SECONDS)).isTrue();
        Generation g = ReplayServer.await(pending);
        assertThat(g.ending()).isEqualTo(Generation.Ending.CANCELLED);
        assertThat(g.text()).isEqualTo("The");
        assertThat(upstream.count("POST", OPENAI_CHAT)).isZero();
    }

    @Test
    @DisplayName("An invalid key becomes a clear llm-invalid-key problem that does not reveal the key")
    void invalidKey() {
        upstream.on("POST", OPENAI_CHAT).reply(401, JSON, fixture("chat_completions_401_invalid_api_key.json"));

        Throwable e = catchThrowable(() -> ReplayServer.await(router(Map.of("FINLENS_LLM_ORDER", "openai"))
                .generate(CHAT, tokens::add, new Cancellation())));

        ApiException problem = LlmErrors.toApiException((LlmException) rootCause(e));
        assertThat(problem.type()).isEqualTo("llm-invalid-key");
        assertThat(problem.status()).isEqualTo(502);
        assertThat(problem.detail()).doesNotContain("sk-openai").doesNotContain("DEADBEEF");
    }

    /** The warm-up goes out in the background; wait (bounded) until the replay server has seen it. */
    private static void awaitRequest(String path) throws InterruptedException {
        long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (upstream.count("POST", path) == 0 && System.nanoTime() < giveUpAt) {
            Thread.sleep(10);
        }
    }

    private void warmRunPod() {
        upstream.on("GET", RUNPOD_HEALTH).reply(200, "application/json",
                ReplayServer.resource("fixtures/runpod/health_response_warm.json"));
    }

    private LlmRouter router(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("FINLENS_OPENAI_API_KEY", "sk-openai");
        env.put("FINLENS_OPENAI_BASE_URL", upstream.baseUrl() + "/v1");
        env.put("FINLENS_RUNPOD_API_KEY", "rp-key");
        env.put("FINLENS_RUNPOD_BASE_URL", upstream.baseUrl() + "/v2/ep1");
        env.put("FINLENS_RUNPOD_MODEL", "meta-llama/Llama-3.1-8B-Instruct");
        env.put("FINLENS_LLM_ORDER", "runpod,openai");
        env.put("FINLENS_LLM_FIRST_TOKEN_TIMEOUT", "30s");
        env.put("FINLENS_LLM_COLD_START_BUDGET", "30s");
        env.put("FINLENS_LLM_TOTAL_DEADLINE", "60s");
        env.putAll(overrides);
        Env read = new Env(env);
        LlmConfig config = LlmConfig.from(read);
        read.requireValid();
        return new LlmRouter(vertx, config, clock);
    }

    private static Buffer fixture(String name) {
        return Buffer.buffer(ReplayServer.resource("fixtures/openai/" + name));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
