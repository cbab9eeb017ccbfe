package com.finlens.assistant.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The answer evaluation on the embedded defaults (no keys, offline data, offline composer). Run it alone to read
 * the per-category table: {@code ./mvnw -q -B -pl backend -am test -Dtest=AnswerEvaluationTest
 * -Dsurefire.failIfNoSpecifiedTests=false} (add {@code -Deval.answers=true} to print every answer).
 */
class AnswerEvaluationTest {

    @Test
    @DisplayName("Offline, at least 95% of the 80+ evaluation questions get the right figure or an exact statement of what is missing, with no false number flags")
    void offlineAccuracy() {
        AnswerEvaluation.Report report;
        try (EvalAssistant assistant = EvalAssistant.offline()) {
            report = AnswerEvaluation.run(assistant);
        }
        System.out.println("\nAnswer evaluation (offline composer)\n" + report.table());
        assertThat(report.outcomes()).hasSizeGreaterThanOrEqualTo(80);
        assertThat(report.accuracy()).isGreaterThanOrEqualTo(95.0);
        assertThat(report.falseFlags()).isZero();
    }
}
