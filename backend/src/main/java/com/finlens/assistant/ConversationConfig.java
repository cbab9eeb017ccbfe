package com.finlens.assistant;

import com.finlens.platform.config.Env;
import java.time.Duration;

/** Conversations: how long a streaming answer may go without a heartbeat before it counts as cut off. */
public record ConversationConfig(Duration answerStaleAfter) {

    public static ConversationConfig from(Env env) {
        return new ConversationConfig(env.duration("FINLENS_ANSWER_STALE_AFTER", Duration.ofSeconds(30)));
    }
}
