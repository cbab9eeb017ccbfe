package com.finlens.assistant.llm;

import com.finlens.assistant.answer.Cancellation;
import com.finlens.integration.llm.ChatCompletion;
import com.finlens.integration.llm.ChatCompletionClient;
import com.finlens.integration.llm.ChatMessage;
import com.finlens.integration.llm.ChatRequest;
import com.finlens.integration.llm.ChatStream;
import com.finlens.integration.llm.LlmException;
import com.finlens.integration.llm.RunPodHealthClient;
import com.finlens.integration.llm.TokenUsage;
import com.finlens.integration.llm.WorkerAvailability;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a chat to the configured providers in order and streams the first one that answers. Before the first
 * token it fails over on connect errors, 5xx, 429, invalid key or model, a RunPod cold start (no warm worker in
 * {@code /health}, or a first token slower than the cold-start budget) and the first-token timeout, all within
 * one total deadline; a failed provider is skipped for a cool-down. Once text has reached the user it never
 * switches provider: a broken stream ends the generation as {@link Generation.Ending#CUT_OFF}.
 */
public final class LlmRouter {

    private record Provider(ProviderSettings settings, ChatCompletionClient client, RunPodHealthClient health) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(LlmRouter.class);
    /** How long a warm-up request may queue while RunPod starts a worker. */
    private static final Duration WARM_UP_WAIT = Duration.ofMinutes(5);

    private final Vertx vertx;
    private final LlmConfig config;
    private final ProviderCircuit circuit;
    private final List<Provider> providers;

    public LlmRouter(Vertx vertx, LlmConfig config, Clock clock) {
        this.vertx = vertx;
        this.config = config;
        this.circuit = new ProviderCircuit(clock, config.coolDown());
        HttpClient http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                // A streamed answer holds its connection until the last token: the pool caps concurrent answers
                // per replica (32 made the 33rd wait, and under load time out before its first token).
                .setMaxPoolSize(1024)
                .setKeepAlive(true));
        List<Provider> built = new ArrayList<>();
        for (ProviderSettings s : config.providers()) {
            RunPodHealthClient health = s.healthUrl() == null ? null
                    : new RunPodHealthClient(http, s.healthUrl(), s.apiKey());
            built.add(new Provider(s, new ChatCompletionClient(http, s.name(), s.baseUrl(), s.apiKey()), health));
        }
        this.providers = List.copyOf(built);
    }

    public boolean hasProviders() {
        return !providers.isEmpty();
    }

    /** Streams an answer to {@code messages}; fails with the last {@link LlmException} when nobody answered. */
    public Future<Generation> generate(List<ChatMessage> messages, Consumer<String> onToken,
                                       Cancellation cancellation) {
        Run run = new Run(messages, onToken);
        cancellation.onCancel(run::cancel);
        run.tryProvider(0);
        return run.result.future();
    }

    /** The state of one generate call: which provider is streaming, what the user has seen so far. */
    private final class Run {
        private final Promise<Generation> result = Promise.promise();
        /** Until the first token: once text is shown it never fails over, so the prompt (the largest part of an
         * answer in flight) is let go while the answer streams. */
        private List<ChatMessage> messages;
        private final int promptChars;
        private final Consumer<String> onToken;
        private final long startNanos = System.nanoTime();
        private final List<Generation.Attempt> attempts = new ArrayList<>();
        private final StringBuilder shown = new StringBuilder();
        private LlmException lastError;
        private volatile ChatStream current;
        private volatile boolean cancelled;
        private long firstTokenMillis = -1;

        Run(List<ChatMessage> messages, Consumer<String> onToken) {
            this.messages = messages;
            this.promptChars = messages.stream().mapToInt(m -> m.content().length()).sum();
            this.onToken = onToken;
        }

        void cancel() {
            cancelled = true;
            ChatStream stream = current;
            if (stream != null) {
                stream.abort();
            } else {
                result.tryComplete(generation(null, null, TokenUsage.NONE, Generation.Ending.CANCELLED));
            }
        }

        void tryProvider(int index) {
            if (cancelled || result.future().isComplete()) {
                return;
            }
            if (index >= providers.size()) {
                result.tryFail(lastError != null ? lastError : new LlmException(LlmException.Kind.UNREACHABLE,
                        "all", "every provider is cooling down after recent failures"));
                return;
            }
            Provider provider = providers.get(index);
            String name = provider.settings().name();
            if (circuit.isOpen(name)) {
                attempts.add(new Generation.Attempt(name, "skipped: cooling down"));
                tryProvider(index + 1);
                return;
            }
            long remaining = remainingMillis();
            if (remaining <= 0) {
                giveUp(index, provider, new LlmException(LlmException.Kind.TIMEOUT, name, "total deadline passed"));
                return;
            }
            Future<Boolean> warm = provider.health() == null ? Future.succeededFuture(true)
                    : provider.health().check(Duration.ofMillis(Math.min(remaining, config.coldStartBudget().toMillis())))
                            .map(WorkerAvailability::hasWarmWorker)
                            // An unreadable /health says nothing about the workers; the first-token budget decides.
                            .otherwise(true);
            warm.onComplete(ar -> {
                if (Boolean.TRUE.equals(ar.result())) {
                    stream(index, provider);
                } else {
                    warmUp(provider);
                    giveUp(index, provider, new LlmException(LlmException.Kind.COLD_START, name,
                            "no ready or idle worker"));
                }
            });
        }

        private void stream(int index, Provider provider) {
            if (cancelled) {
                result.tryComplete(generation(null, null, TokenUsage.NONE, Generation.Ending.CANCELLED));
                return;
            }
            ProviderSettings settings = provider.settings();
            long budget = Math.min(remainingMillis(),
                    (provider.health() != null ? config.coldStartBudget() : config.firstTokenTimeout()).toMillis());
            ChatRequest request = new ChatRequest(settings.model(), messages, config.maxAnswerTokens(),
                    config.temperature());
            ChatStream stream = provider.client().stream(request, piece -> {
                shown.append(piece);
                onToken.accept(piece);
            });
            current = stream;
            long firstTokenTimer = vertx.setTimer(Math.max(1, budget), t -> stream.abort());
            long[] deadlineTimer = {-1};
            stream.firstToken().onSuccess(v -> {
                messages = null;
                vertx.cancelTimer(firstTokenTimer);
                firstTokenMillis = elapsedMillis();
                deadlineTimer[0] = vertx.setTimer(Math.max(1, remainingMillis()), t -> stream.abort());
            });
            stream.completion().onComplete(ar -> {
                vertx.cancelTimer(firstTokenTimer);
                if (deadlineTimer[0] >= 0) {
                    vertx.cancelTimer(deadlineTimer[0]);
                }
                finish(index, provider, ar);
            });
        }

        private void finish(int index, Provider provider, AsyncResult<ChatCompletion> ar) {
            String name = provider.settings().name();
            if (ar.succeeded()) {
                circuit.recordSuccess(name);
                attempts.add(new Generation.Attempt(name, "answered"));
                ChatCompletion done = ar.result();
                TokenUsage usage = done.usage().reported() ? done.usage() : estimate(promptChars, done.text());
                result.tryComplete(generation(provider.settings(), done.model(), usage, Generation.Ending.COMPLETED));
                return;
            }
            LlmException error = ar.cause() instanceof LlmException e ? e
                    : new LlmException(LlmException.Kind.BAD_RESPONSE, name, String.valueOf(ar.cause()));
            if (error.kind() == LlmException.Kind.TIMEOUT && provider.health() != null) {
                error = new LlmException(LlmException.Kind.COLD_START, name, "first token slower than the cold-start budget");
            }
            TokenUsage partial = estimate(promptChars, shown.toString());
            if (cancelled) {
                attempts.add(new Generation.Attempt(name, "cancelled"));
                result.tryComplete(generation(provider.settings(), provider.settings().model(), partial,
                        Generation.Ending.CANCELLED));
            } else if (!shown.isEmpty()) {
                LOG.warn("LLM provider {} broke off mid-answer ({}); the answer ends cut off", name, error.kind());
                circuit.recordFailure(name, error.retryAfter());
                attempts.add(new Generation.Attempt(name, "cut off: " + error.kind()));
                result.tryComplete(generation(provider.settings(), provider.settings().model(), partial,
                        Generation.Ending.CUT_OFF));
            } else {
                giveUp(index, provider, error);
            }
        }

        private void giveUp(int index, Provider provider, LlmException error) {
            current = null;
            String name = provider.settings().name();
            LOG.warn("LLM provider {} gave no answer ({}); {}", name, error.kind(),
                    index + 1 < providers.size() ? "trying the next one" : "no provider left");
            circuit.recordFailure(name, error.retryAfter());
            attempts.add(new Generation.Attempt(name, error.kind().name()));
            lastError = error;
            tryProvider(index + 1);
        }

        private Generation generation(ProviderSettings settings, String model, TokenUsage usage,
                                      Generation.Ending ending) {
            double cost = settings == null ? 0 : settings.estimatedCostUsd(usage.promptTokens(),
                    usage.completionTokens());
            return new Generation(settings == null ? null : settings.name(), model, shown.toString(), usage,
                    firstTokenMillis, elapsedMillis(), cost, ending, attempts);
        }

        private long elapsedMillis() {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        }

        private long remainingMillis() {
            return config.totalDeadline().toMillis() - elapsedMillis();
        }
    }

    /**
     * Serverless RunPod only starts a worker when a job is queued, so a cold endpoint gets a one-token request
     * that nobody waits for; by the end of the cool-down it is usually warm.
     */
    private void warmUp(Provider provider) {
        ChatRequest nudge = new ChatRequest(provider.settings().model(), List.of(ChatMessage.user("ping")), 1, 0);
        ChatStream stream = provider.client().stream(nudge, piece -> { });
        long giveUp = vertx.setTimer(WARM_UP_WAIT.toMillis(), t -> stream.abort());
        stream.completion().onComplete(ar -> vertx.cancelTimer(giveUp));
    }

    /** Rough token counts (about 3 characters per token across Korean and English) when the provider sent none. */
    private static TokenUsage estimate(int promptChars, String completion) {
        return new TokenUsage((promptChars + 2) / 3, (completion.length() + 2) / 3, false);
    }
}
