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
    @DisplayName("A claim check is what the client asks for, never guessed from words such as 사실 or 검증")
    void claimCheck() {
        Question withSelection = new Question(1, 1, "이거 사실이야? 검증해 줘", List.of(),
                new Question.PageContext("삼성전자 영업이익 30% 증가", null, null));
        Question asked = new Question(1, 1, "삼성전자 영업이익 30% 증가", List.of(), null, null,
                Question.Mode.CLAIM_CHECK);

        assertThat(analyzer.analyze(withSelection).has(Intent.CLAIM_CHECK)).isFalse();
        assertThat(analyze("삼성전자 영업이익 30% 증가, 사실인가요?").has(Intent.CLAIM_CHECK)).isFalse();
        assertThat(analyzer.analyze(asked).has(Intent.CLAIM_CHECK)).isTrue();
    }

    @Test
    @DisplayName("The figure asked for is read from Korean, English and colloquial words; a longer word wins")
    void metrics() {
        assertThat(analyze("삼성전자 2023년 영업이익은?").metrics()).containsExactly(Metric.OPERATING_INCOME);
        assertThat(analyze("Samsung revenue 2023").metrics()).containsExactly(Metric.REVENUE);
        assertThat(analyze("삼전 작년 매출 얼마야?").metrics()).containsExactly(Metric.REVENUE);
        assertThat(analyze("기아 영업손실 났어?").metrics()).containsExactly(Metric.OPERATING_INCOME);
        assertThat(analyze("현대차 자산총계랑 부채총계").metrics())
                .containsExactly(Metric.TOTAL_ASSETS, Metric.TOTAL_LIABILITIES);
        assertThat(analyze("카카오 시총 얼마야").metrics()).containsExactly(Metric.MARKET_CAP);
        assertThat(analyze("NAVER 주가 얼마야?").metrics()).containsExactly(Metric.CLOSE);
        assertThat(analyze("삼성전자 어제 거래량").metrics()).containsExactly(Metric.VOLUME);
        assertThat(analyze("삼성전자 실적 알려줘").metrics())
                .containsExactly(Metric.REVENUE, Metric.OPERATING_INCOME, Metric.NET_INCOME);
        assertThat(analyze("Is the wholesaler good?").metrics()).isEmpty();
        assertThat(analyze("HBM이란 무엇인가요?").metrics()).isEmpty();
    }

    @Test
    @DisplayName("The period is read as a year, a quarter, a half, an exact day or a year relative to the data's as-of date")
    void periods() {
        assertThat(analyze("삼성전자 2024년 3분기 매출").period()).isEqualTo(new PeriodAsk(List.of(2024), 3, null, null, null));
        assertThat(analyze("Samsung Q3 2024 operating income").period().quarter()).isEqualTo(3);
        assertThat(analyze("SK하이닉스 상반기 영업이익").period().half()).isEqualTo(1);
        assertThat(analyze("삼성전자 2024년 1월 5일 종가").period().date()).isEqualTo(java.time.LocalDate.of(2024, 1, 5));
        assertThat(analyze("Samsung closing price on January 5, 2024").period().date())
                .isEqualTo(java.time.LocalDate.of(2024, 1, 5));
        assertThat(analyze("삼성전자 2024-06-03 주가").period().date()).isEqualTo(java.time.LocalDate.of(2024, 6, 3));
        assertThat(analyze("현대차 작년 매출").period().yearsAsOf(java.time.LocalDate.of(2025, 5, 26))).containsExactly(2024);
        assertThat(analyze("현대차 23년 매출").period().years()).containsExactly(2023);
        assertThat(analyze("005930 최근 주가").period().latest()).isTrue();
        assertThat(analyze("삼성전자 2024년 매출은 전년 대비 얼마나 늘었어?").has(Intent.CHANGE)).isTrue();
    }

    private QuestionAnalysis analyze(String text) {
        return analyzer.analyze(new Question(1, 1, text, List.of(), null));
    }
}
