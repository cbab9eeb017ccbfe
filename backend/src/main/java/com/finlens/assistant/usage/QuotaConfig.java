package com.finlens.assistant.usage;

import com.finlens.platform.config.Env;

/** How many language-model answers one user may get per UTC day. */
public record QuotaConfig(int dailyAnswers) {

    public static QuotaConfig from(Env env) {
        return new QuotaConfig(env.integer("FINLENS_DAILY_ANSWER_QUOTA", 50, 1, 1_000_000));
    }
}
