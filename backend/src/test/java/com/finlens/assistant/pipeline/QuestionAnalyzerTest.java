package com.finlens.assistant.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.assistant.answer.Question;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QuestionAnalyzerTest {

    private final QuestionAnalyzer analyzer = new QuestionAnalyzer();

    @Test
    @DisplayName("The answer language follows the share of Hangul, so mixed Korean questions are answered in Korean")
    void language() {
        assertThat(Language.of("삼성전자 revenue 알려줘")).isEqualTo(Language.KO);
        assertThat(Language.of("What did 삼성전자 earn in Q1 2020?")).isEqualTo(Language.EN);
        assertThat(Language.of("2020")).isEqualTo(Language.EN);
    }

    @Test
    @DisplayName("Intents are read from Korean and English keywords")
    void intents() {
        assertThat(analyze("삼성전자 주가 얼마야?").intents()).containsExactly(Intent.PRICE);
        assertThat(analyze("Compare Apple and Samsung revenue").intents())
                .containsExactlyInAnyOrder(Intent.FINANCIALS, Intent.COMPARISON);
        assertThat(analyze("삼성전자 최근 공시 보여줘").intents()).containsExactly(Intent.DISCLOSURES);
        assertThat(analyze("삼성전자 지금 사야 할까?").intents())
                .containsExactlyInAnyOrder(Intent.ADVICE, Intent.GENERAL_KNOWLEDGE);
        assertThat(analyze("HBM이란 무엇인가요?").intents()).containsExactly(Intent.GENERAL_KNOWLEDGE);
    }

    @Test
    @DisplayName("Asking whether a selected sentence is true is a claim check")
    void claimCheck() {
        Question withSelection = new Question(1, 1, "이거 사실이야?", List.of(),
                new Question.PageContext("삼성전자 영업이익 30% 증가", null, null));

        assertThat(analyzer.analyze(withSelection).has(Intent.CLAIM_CHECK)).isTrue();
        assertThat(analyze("이거 사실이야?").has(Intent.CLAIM_CHECK)).isFalse();
    }

    private QuestionAnalysis analyze(String text) {
        return analyzer.analyze(new Question(1, 1, text, List.of(), null));
    }
}
