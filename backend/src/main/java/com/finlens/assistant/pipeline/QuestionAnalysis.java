package com.finlens.assistant.pipeline;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The understood question: its language, intents, the figures it asks for (empty: the headline figures of
 * whatever the intents name) and the period.
 */
public record QuestionAnalysis(Language language, Set<Intent> intents, List<Metric> metrics, PeriodAsk period) {

    public QuestionAnalysis {
        intents = intents.isEmpty() ? EnumSet.of(Intent.GENERAL_KNOWLEDGE) : EnumSet.copyOf(intents);
        metrics = List.copyOf(metrics);
    }

    public QuestionAnalysis(Language language, Set<Intent> intents) {
        this(language, intents, List.of(), PeriodAsk.LATEST);
    }

    public boolean has(Intent intent) {
        return intents.contains(intent);
    }

    /** True when the question names a figure, so the answer must give exactly that or say it is missing. */
    public boolean specific() {
        return !metrics.isEmpty();
    }
}
