package com.finlens.assistant.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The same evaluation against the language model the environment configures (FINLENS_OPENAI_API_KEY or the
 * RunPod settings, as for the app), so model answers are measured the same way. Skipped when no model is
 * configured. It prints the table and fails only if the model answers worse than the floor.
 */
class ModelAnswerEvaluationTest {

    @Test
    @DisplayName("With a configured model, the evaluation scores the model's answers the same way (skipped without keys)")
    void modelAccuracy() {
        try (EvalAssistant assistant = EvalAssistant.configuredModel()) {
            Assumptions.assumeTrue(assistant.usesModel(), "no language model configured");
            AnswerEvaluation.Report report = AnswerEvaluation.run(assistant);
            System.out.println("\nAnswer evaluation (configured model)\n" + report.table());
            assertThat(report.accuracy()).isGreaterThanOrEqualTo(95.0);
        }
    }
}
