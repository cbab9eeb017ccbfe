package com.finlens.testing;

import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;

/**
 * A local OpenAI-compatible endpoint replaying recorded responses ({@link ReplayServer} on its own Vert.x), and
 * the environment that points a Finlens at it as its only LLM, with a daily quota that load tests cannot exhaust.
 */
public final class RecordedLlm implements AutoCloseable {

    public static final String COMPLETIONS = "/v1/chat/completions";

    private final Vertx vertx = Vertx.vertx();
    private final ReplayServer server = ReplayServer.start(vertx);

    public ReplayServer server() {
        return server;
    }

    public ReplayServer.Rule completions() {
        return server.on("POST", COMPLETIONS);
    }

    public long calls() {
        return server.count("POST", COMPLETIONS);
    }

    /** FINLENS_* variables for the app under test, plus {@code extra}. */
    public Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "FINLENS_OPENAI_API_KEY", "test-key",
                "FINLENS_OPENAI_BASE_URL", server.baseUrl() + "/v1",
                "FINLENS_LLM_ORDER", "openai",
                "FINLENS_DAILY_ANSWER_QUOTA", "100000"));
        env.putAll(extra);
        return env;
    }

    @Override
    public void close() {
        server.close();
        vertx.close();
    }
}
