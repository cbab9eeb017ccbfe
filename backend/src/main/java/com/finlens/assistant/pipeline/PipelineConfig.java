package com.finlens.assistant.pipeline;

import com.finlens.platform.config.Env;
import java.time.Duration;

/**
 * Answer pipeline limits: how long each gathering step may take, how many passages to retrieve, how much page
 * text and history go into a prompt.
 */
public record PipelineConfig(Duration stepTimeout, int passageCount, int pageTextLimit, int historyTurns) {

    public static PipelineConfig from(Env env) {
        return new PipelineConfig(
                env.duration("FINLENS_ASSISTANT_STEP_TIMEOUT", Duration.ofSeconds(8)),
                env.integer("FINLENS_ASSISTANT_PASSAGES", 5, 0, 50),
                env.integer("FINLENS_ASSISTANT_PAGE_TEXT_LIMIT", 4000, 200, 50_000),
                env.integer("FINLENS_ASSISTANT_HISTORY_TURNS", 6, 0, 50));
    }
}
