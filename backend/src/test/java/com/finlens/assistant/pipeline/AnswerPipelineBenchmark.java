package com.finlens.assistant.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.assistant.answer.AnswerOutcome;
import com.finlens.assistant.answer.Cancellation;
import com.finlens.assistant.answer.Question;
import com.finlens.assistant.llm.Generation;
import com.finlens.assistant.llm.LlmConfig;
import com.finlens.assistant.llm.LlmRouter;
import com.finlens.assistant.usage.AnswerQuota;
import com.finlens.assistant.usage.InMemoryUsageStore;
import com.finlens.assistant.usage.QuotaConfig;
import com.finlens.integration.llm.ChatMessage;
import com.finlens.integration.llm.SseFixtures;
import com.finlens.platform.config.Env;
import com.finlens.testing.ReplayServer;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Prints how long the pipeline's own work takes (not part of the default test run; its name does not end in Test).
 * Run: {@code ./mvnw -q -o -pl backend test -Dtest=AnswerPipelineBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
class AnswerPipelineBenchmark {

    private static final int WARM_UP = 20;
    private static final int RUNS = 100;

    @Test
    @DisplayName("Benchmark: offline answer end to end, number check, and the router's first-token overhead over a local replay")
    void measure() {
        Vertx vertx = Vertx.vertx();
        ReplayServer upstream = ReplayServer.start(vertx);
        try {
            FixtureMarket market = new FixtureMarket();
            AnswerQuota quota = new AnswerQuota(new InMemoryUsageStore(), new QuotaConfig(1_000_000), Clock.systemUTC());
            PipelineConfig config = new PipelineConfig(Duration.ofSeconds(10), 3, 4000, 6);
            PipelineAnswerSource offline = new PipelineAnswerSource(vertx, market, market, new FixedPassages(List.of()),
                    new LlmRouter(vertx, LlmConfig.from(new Env(Map.of())), Clock.systemUTC()), quota, config);
            Question question = new Question(1, 1, "삼성전자 1분기 실적 알려줘", List.of(), null);
            List<Long> offlineMicros = time(() -> {
                AnswerOutcome outcome = ReplayServer.await(offline.answer(question, new RecordingSink(), new Cancellation()));
                assertThat(outcome.flags()).isEmpty();
            });

            Evidence evidence = Evidence.assemble(List.of(new Evidence.CompanyFacts(FixtureMarket.SAMSUNG,
                    FixtureMarket.samsungStatement())), List.of(), null, List.of());
            String answer = "1분기 영업이익은 6조 4,473억원으로 전년 대비 3.4% 늘었고, 매출은 55조 3,252억원입니다 [S1][S3].";
            List<Long> checkMicros = time(() -> new NumberCheck(evidence, List.of()).check(answer));

            upstream.on("POST", "/v1/chat/completions").stream("text/event-stream", SseFixtures.mexico(), Duration.ofMillis(1));
            LlmRouter router = new LlmRouter(vertx, LlmConfig.from(new Env(Map.of("FINLENS_OPENAI_API_KEY", "sk-bench",
                    "FINLENS_OPENAI_BASE_URL", upstream.baseUrl() + "/v1", "FINLENS_LLM_ORDER", "openai"))), Clock.systemUTC());
            List<Long> firstTokenMillis = new ArrayList<>();
            List<Long> routedMicros = time(() -> {
                Generation g = ReplayServer.await(router.generate(List.of(ChatMessage.user("hi")), t -> { },
                        new Cancellation()));
                firstTokenMillis.add(g.firstTokenMillis());
            });

            print("offline answer, end to end (µs)", offlineMicros);
            print("number check of one answer (µs)", checkMicros);
            print("routed generation over loopback replay, 1 ms between chunks (µs)", routedMicros);
            print("first token through the router (ms)", firstTokenMillis.subList(WARM_UP, firstTokenMillis.size()));
        } finally {
            upstream.close();
            ReplayServer.await(vertx.close());
        }
    }

    private static List<Long> time(Runnable work) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            long start = System.nanoTime();
            work.run();
            if (i >= WARM_UP) {
                micros.add((System.nanoTime() - start) / 1000);
            }
        }
        return micros;
    }

    private static void print(String what, List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        System.out.printf("%-70s n=%d median=%d p90=%d max=%d%n", what, sorted.size(), sorted.get(sorted.size() / 2),
                sorted.get((int) (sorted.size() * 0.9)), sorted.get(sorted.size() - 1));
    }
}
