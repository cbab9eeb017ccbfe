package com.finlens.assistant.llm;

import com.finlens.platform.config.Env;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Language model routing settings. A provider is configured when its key (and, for RunPod, endpoint id) is
 * set; with none configured the assistant answers with the offline composer. {@code providers} is in the
 * order of {@code FINLENS_LLM_ORDER}.
 */
public record LlmConfig(List<ProviderSettings> providers, Duration firstTokenTimeout, Duration coldStartBudget,
                        Duration totalDeadline, Duration coolDown, Duration connectTimeout, int maxAnswerTokens,
                        double temperature) {

    public static final String OPENAI = "openai";
    public static final String RUNPOD = "runpod";

    public LlmConfig {
        providers = List.copyOf(providers);
    }

    public static LlmConfig from(Env env) {
        ProviderSettings openai = null;
        String openaiKey = env.secret("FINLENS_OPENAI_API_KEY");
        if (openaiKey != null) {
            openai = new ProviderSettings(OPENAI,
                    env.url("FINLENS_OPENAI_BASE_URL", "https://api.openai.com/v1"), openaiKey,
                    env.string("FINLENS_OPENAI_MODEL", "gpt-4o-mini"), null,
                    env.decimal("FINLENS_OPENAI_PRICE_INPUT_PER_1K", 0.00015, 0, 1000),
                    env.decimal("FINLENS_OPENAI_PRICE_OUTPUT_PER_1K", 0.0006, 0, 1000));
        }
        ProviderSettings runpod = null;
        String runpodKey = env.secret("FINLENS_RUNPOD_API_KEY");
        String endpointId = env.raw("FINLENS_RUNPOD_ENDPOINT_ID");
        String runpodBase = env.url("FINLENS_RUNPOD_BASE_URL",
                endpointId == null ? null : "https://api.runpod.ai/v2/" + endpointId);
        if (runpodKey != null && runpodBase != null) {
            runpod = new ProviderSettings(RUNPOD, runpodBase + "/openai/v1", runpodKey,
                    env.required("FINLENS_RUNPOD_MODEL", "the model name the RunPod vLLM worker serves"), runpodBase,
                    env.decimal("FINLENS_RUNPOD_PRICE_INPUT_PER_1K", 0, 0, 1000),
                    env.decimal("FINLENS_RUNPOD_PRICE_OUTPUT_PER_1K", 0, 0, 1000));
        } else if (runpodKey != null || endpointId != null) {
            env.problem("FINLENS_RUNPOD_API_KEY and FINLENS_RUNPOD_ENDPOINT_ID (or FINLENS_RUNPOD_BASE_URL) go together");
        }
        List<String> order = env.list("FINLENS_LLM_ORDER");
        if (order.isEmpty()) {
            order = List.of(RUNPOD, OPENAI);
        }
        List<ProviderSettings> providers = new ArrayList<>();
        for (String name : order) {
            switch (name.toLowerCase()) {
                case RUNPOD -> addIfConfigured(providers, runpod);
                case OPENAI -> addIfConfigured(providers, openai);
                default -> env.problem("FINLENS_LLM_ORDER names an unknown provider '" + name
                        + "' (use runpod, openai)");
            }
        }
        return new LlmConfig(providers,
                env.duration("FINLENS_LLM_FIRST_TOKEN_TIMEOUT", Duration.ofSeconds(15)),
                env.duration("FINLENS_LLM_COLD_START_BUDGET", Duration.ofSeconds(8)),
                env.duration("FINLENS_LLM_TOTAL_DEADLINE", Duration.ofSeconds(90)),
                env.duration("FINLENS_LLM_COOL_DOWN", Duration.ofSeconds(60)),
                env.duration("FINLENS_LLM_CONNECT_TIMEOUT", Duration.ofSeconds(5)),
                env.integer("FINLENS_LLM_MAX_ANSWER_TOKENS", 1200, 16, 32_000),
                env.decimal("FINLENS_LLM_TEMPERATURE", 0.2, 0, 2));
    }

    private static void addIfConfigured(List<ProviderSettings> providers, ProviderSettings settings) {
        if (settings != null && !providers.contains(settings)) {
            providers.add(settings);
        }
    }

    public boolean hasProviders() {
        return !providers.isEmpty();
    }
}
