package com.finlens.assistant.pipeline;

import com.finlens.assistant.answer.Question;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Decides language and intents from keywords (Korean and English); cheap and predictable, no model call. */
public final class QuestionAnalyzer {

    private static final List<String> PRICE = List.of("주가", "가격", "시세", "종가", "시가총액", "price", "quote",
            "trading at", "market cap", "share price", "stock price");
    private static final List<String> FINANCIALS = List.of("매출", "영업이익", "순이익", "실적", "재무", "이익", "부채",
            "자산", "revenue", "sales", "income", "earnings", "profit", "financial", "margin", "assets", "debt");
    private static final List<String> DISCLOSURES = List.of("공시", "보고서", "신고", "filing", "disclosure",
            "report", "10-k", "10-q", "8-k");
    private static final List<String> COMPARISON = List.of("비교", "대비", "보다", " vs", "versus", "compare",
            "compared", "difference between");
    private static final List<String> ADVICE = List.of("사야", "팔아", "매수", "매도", "살까", "팔까", "투자해도", "투자할까",
            "사도 될", "팔아도 될", "should i buy", "should i sell", "should i invest", "buy or sell", "good investment",
            "worth buying", "invest in");
    private static final List<String> CLAIM = List.of("사실", "맞나", "맞아", "맞는", "진짜", "검증", "확인해", "팩트",
            "true", "verify", "fact-check", "fact check", "accurate", "correct", "is this right");

    public QuestionAnalysis analyze(Question question) {
        String text = question.text() == null ? "" : question.text();
        String lower = text.toLowerCase(Locale.ROOT);
        Set<Intent> intents = EnumSet.noneOf(Intent.class);
        addIf(intents, Intent.PRICE, lower, PRICE);
        addIf(intents, Intent.FINANCIALS, lower, FINANCIALS);
        addIf(intents, Intent.DISCLOSURES, lower, DISCLOSURES);
        addIf(intents, Intent.COMPARISON, lower, COMPARISON);
        addIf(intents, Intent.ADVICE, lower, ADVICE);
        boolean hasSelection = question.pageContext() != null && question.pageContext().selection() != null
                && !question.pageContext().selection().isBlank();
        if (containsAny(lower, CLAIM) && (hasSelection || lower.contains("%") || lower.contains("퍼센트"))) {
            intents.add(Intent.CLAIM_CHECK);
        }
        if (intents.isEmpty() || intents.equals(EnumSet.of(Intent.ADVICE))) {
            intents.add(Intent.GENERAL_KNOWLEDGE);
        }
        return new QuestionAnalysis(Language.of(text), intents);
    }

    private static void addIf(Set<Intent> intents, Intent intent, String lower, List<String> words) {
        if (containsAny(lower, words)) {
            intents.add(intent);
        }
    }

    private static boolean containsAny(String lower, List<String> words) {
        return words.stream().anyMatch(lower::contains);
    }
}
