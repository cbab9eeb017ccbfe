package com.finlens.assistant.pipeline;

import com.finlens.assistant.answer.Question;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides language and intents from keywords (Korean and English); cheap and predictable, no model call. A claim
 * check is the one intent never read from keywords: the client asks for it ({@link Question#claimCheck()}).
 */
public final class QuestionAnalyzer {

    private static final List<String> PRICE = List.of("주가", "가격", "시세", "종가", "시가총액", "price", "quote",
            "trading at", "market cap", "share price", "stock price");
    private static final List<String> FINANCIALS = List.of("매출", "영업이익", "순이익", "실적", "재무", "이익", "부채",
            "자산", "revenue", "sales", "income", "earnings", "profit", "financial", "margin", "assets", "debt");
    private static final List<String> DISCLOSURES = List.of("공시", "보고서", "신고", "filing", "disclosure",
            "report", "10-k", "10-q", "8-k");
    private static final List<String> COMPARISON = List.of("비교", "보다", " vs", "versus", "compare",
            "compared", "difference between", "중 어디", "어느 쪽", "which is bigger", "which had");
    private static final List<String> CHANGE = List.of("증가", "감소", "변화", "변동", "성장", "늘었", "줄었", "늘어",
            "줄어", "올랐", "내렸", "떨어", "상승", "하락", "대비", "증감", "growth", "grew", "change", "increase",
            "decrease", "rise", "rose", "fell", "fall", "drop", "yoy", "year over year", "year-over-year");
    /** "얼마야?" asks for a price only when no other figure is named. */
    private static final List<String> HOW_MUCH = List.of("얼마", "how much");
    private static final List<String> ADVICE = List.of("사야", "팔아", "매수", "매도", "살까", "팔까", "투자해도", "투자할까",
            "사도 될", "팔아도 될", "should i buy", "should i sell", "should i invest", "buy or sell", "good investment",
            "worth buying", "invest in");
    public QuestionAnalysis analyze(Question question) {
        String text = question.text() == null ? "" : question.text();
        String lower = text.toLowerCase(Locale.ROOT);
        Set<Intent> intents = EnumSet.noneOf(Intent.class);
        addIf(intents, Intent.PRICE, lower, PRICE);
        addIf(intents, Intent.FINANCIALS, lower, FINANCIALS);
        addIf(intents, Intent.DISCLOSURES, lower, DISCLOSURES);
        addIf(intents, Intent.COMPARISON, lower, COMPARISON);
        addIf(intents, Intent.CHANGE, lower, CHANGE);
        List<Metric> metrics = metrics(lower);
        if (metrics.isEmpty() && containsAny(lower, HOW_MUCH) && !intents.contains(Intent.FINANCIALS)) {
            metrics = List.of(Metric.CLOSE);
        }
        metrics = withHeadlines(metrics, intents);
        for (Metric m : metrics) {
            intents.add(switch (m.kind()) {
                case PRICE -> Intent.PRICE;
                case FINANCIALS -> Intent.FINANCIALS;
                case DISCLOSURES -> Intent.DISCLOSURES;
            });
        }
        addIf(intents, Intent.ADVICE, lower, ADVICE);
        if (question.claimCheck()) {
            intents.add(Intent.CLAIM_CHECK); // asked for explicitly by the client, never guessed from the wording
        }
        if (intents.isEmpty() || intents.equals(EnumSet.of(Intent.ADVICE))) {
            intents.add(Intent.GENERAL_KNOWLEDGE);
        }
        return new QuestionAnalysis(Language.of(text), intents, metrics, PeriodParser.parse(text));
    }

    /**
     * "실적" or "주가 흐름" name no single figure: they ask for the headline ones (revenue, operating income, net
     * income; the close). Only for these intents, so a general question stays general.
     */
    private static List<Metric> withHeadlines(List<Metric> named, Set<Intent> intents) {
        List<Metric> metrics = new ArrayList<>(named);
        if (intents.contains(Intent.FINANCIALS) && metrics.stream().noneMatch(m -> m.kind() == FactKind.FINANCIALS)) {
            metrics.addAll(List.of(Metric.REVENUE, Metric.OPERATING_INCOME, Metric.NET_INCOME));
        }
        if (intents.contains(Intent.PRICE) && metrics.stream().noneMatch(m -> m.kind() == FactKind.PRICE)) {
            metrics.add(Metric.CLOSE);
        }
        if (intents.contains(Intent.DISCLOSURES) && !metrics.contains(Metric.DISCLOSURES)) {
            metrics.add(Metric.DISCLOSURES);
        }
        metrics.sort(null);
        return metrics;
    }

    /** The figures named, in the order of {@link Metric}; a longer word wins ("자산총계" is not also "자산"). */
    static List<Metric> metrics(String lower) {
        List<Metric> found = new ArrayList<>();
        String rest = lower;
        List<Map.Entry<String, Metric>> words = new ArrayList<>();
        for (Metric m : Metric.values()) {
            m.words().forEach(w -> words.add(Map.entry(w, m)));
        }
        words.sort((a, b) -> b.getKey().length() - a.getKey().length());
        for (Map.Entry<String, Metric> w : words) {
            int at = indexOfWord(rest, w.getKey());
            if (at >= 0) {
                if (!found.contains(w.getValue())) {
                    found.add(w.getValue());
                }
                rest = rest.substring(0, at) + " ".repeat(w.getKey().length()) + rest.substring(at + w.getKey().length());
            }
        }
        found.sort(null);
        return found;
    }

    /** English words match whole words only ("sales" not in "wholesaler"); Korean ones anywhere (particles attach). */
    private static int indexOfWord(String text, String word) {
        int at = text.indexOf(word);
        boolean ascii = word.chars().allMatch(c -> c < 128);
        while (ascii && at >= 0) {
            boolean before = at == 0 || !Character.isLetter(text.charAt(at - 1));
            int end = at + word.length();
            boolean after = end >= text.length() || !Character.isLetter(text.charAt(end))
                    || (text.charAt(end) == 's' && (end + 1 >= text.length() || !Character.isLetter(text.charAt(end + 1))));
            if (before && after) {
                return at;
            }
            at = text.indexOf(word, at + 1);
        }
        return at;
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
