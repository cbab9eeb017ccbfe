package com.finlens.assistant.pipeline;

import java.util.EnumSet;
import java.util.Set;

/** The understood question: its language and intents. */
public record QuestionAnalysis(Language language, Set<Intent> intents) {

    public QuestionAnalysis {
        intents = intents.isEmpty() ? EnumSet.of(Intent.GENERAL_KNOWLEDGE) : EnumSet.copyOf(intents);
    }

    public boolean has(Intent intent) {
        return intents.contains(intent);
    }
}
