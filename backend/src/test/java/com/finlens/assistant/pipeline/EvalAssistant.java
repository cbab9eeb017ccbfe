package com.finlens.assistant.pipeline;

import com.finlens.assistant.answer.AnswerOutcome;
import com.finlens.assistant.answer.Cancellation;
import com.finlens.assistant.answer.Question;
import com.finlens.assistant.llm.LlmConfig;
import com.finlens.assistant.llm.LlmRouter;
import com.finlens.assistant.sources.MarketCompanyLookup;
import com.finlens.assistant.sources.MarketFactsSource;
import com.finlens.assistant.usage.AnswerQuota;
import com.finlens.assistant.usage.InMemoryUsageStore;
import com.finlens.assistant.usage.QuotaConfig;
import com.finlens.market.MarketConfig;
import com.finlens.market.MarketModule;
import com.finlens.market.cache.InMemoryMarketCacheStore;
import com.finlens.platform.config.Env;
import com.finlens.testing.ReplayServer;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The answer pipeline as the product wires it on the embedded defaults: the real market feature over the bundled
 * offline data (no market keys), and either no language model (the offline composer) or the model the
 * environment configures. No passages: the evaluation measures figures, not retrieval.
 */
final class EvalAssistant implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final MarketModule market;
    private final PipelineAnswerSource pipeline;
    private final boolean model;

    private EvalAssistant(Map<String, String> llmEnv) {
        Clock clock = Clock.systemUTC();
        market = ReplayServer.await(MarketModule.start(vertx, MarketConfig.from(new Env(Map.of())),
                new InMemoryMarketCacheStore(32L << 20, clock), clock));
        LlmRouter router = new LlmRouter(vertx, LlmConfig.from(new Env(llmEnv)), clock);
        model = router.hasProviders();
        AnswerQuota quota = new AnswerQuota(new InMemoryUsageStore(), new QuotaConfig(10_000), clock);
        pipeline = new PipelineAnswerSource(vertx, new MarketCompanyLookup(market.services().resolver()),
                new MarketFactsSource(market.services(), (company, filings) -> { }),
                (userId, query, k) -> io.vertx.core.Future.succeededFuture(List.of()), router, quota,
                new PipelineConfig(Duration.ofSeconds(30), 0, 4000, 6));
    }

    static EvalAssistant offline() {
        return new EvalAssistant(Map.of());
    }

    /** With the model the environment configures (FINLENS_OPENAI_API_KEY, FINLENS_RUNPOD_*), if any. */
    static EvalAssistant configuredModel() {
        return new EvalAssistant(System.getenv());
    }

    boolean usesModel() {
        return model;
    }

    record Answer(AnswerOutcome outcome, RecordingSink sink) {
    }

    Answer ask(String text, String selection, Question.Mode mode) {
        RecordingSink sink = new RecordingSink();
        Question.PageContext page = selection == null ? null : new Question.PageContext(selection, null, null);
        AnswerOutcome outcome = ReplayServer.await(pipeline.answer(new Question(1, 1, text, List.of(), page, null,
                mode), sink, new Cancellation()));
        return new Answer(outcome, sink);
    }

    @Override
    public void close() {
        market.close();
        ReplayServer.await(vertx.close());
    }
}
