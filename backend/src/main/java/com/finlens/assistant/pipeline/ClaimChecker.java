package com.finlens.assistant.pipeline;

import com.finlens.assistant.answer.AnswerEvent;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a claim about a change in a financial figure ("삼성전자 영업이익 30% 증가") against the primary-source
 * figures: it finds the metric, computes the real change between the two latest periods and compares direction
 * and size. A claim is supported when the direction matches and the stated percentage is within one point.
 */
final class ClaimChecker {

    enum Verdict { SUPPORTED, CONTRADICTED, CANNOT_VERIFY }

    /** The checked claim; the facts are null when it could not be verified. */
    record Result(Verdict verdict, String metric, BigDecimal claimedPercent, BigDecimal actualPercent,
                  Evidence.CitedFact previous, Evidence.CitedFact current) {

        JsonObject toJson() {
            return toEvent().toJson();
        }

        AnswerEvent.ClaimCheck toEvent() {
            return new AnswerEvent.ClaimCheck(verdict.name().toLowerCase(Locale.ROOT), metric, claimedPercent,
                    actualPercent == null ? null : actualPercent.setScale(2, java.math.RoundingMode.HALF_UP),
                    actualPercent == null ? List.of() : List.of(previous.id(), current.id()));
        }
    }

    private static final BigDecimal TOLERANCE_POINTS = BigDecimal.ONE;
    private static final Map<String, List<String>> METRIC_WORDS = new LinkedHashMap<>();

    static {
        METRIC_WORDS.put("operating_income", List.of("영업이익", "영업익", "operating income", "operating profit"));
        METRIC_WORDS.put("net_income", List.of("당기순이익", "순이익", "net income", "net profit", "profit"));
        METRIC_WORDS.put("revenue", List.of("매출", "revenue", "sales"));
        METRIC_WORDS.put("price", List.of("주가", "share price", "stock price"));
    }

    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:%|퍼센트|percent)");
    private static final List<String> UP = List.of("증가", "늘", "상승", "성장", "개선", "확대", "급증", "increase", "rose",
            "rise", "grew", "grow", "growth", "up ", "jump", "surge", "higher");
    private static final List<String> DOWN = List.of("감소", "줄", "하락", "축소", "악화", "급감", "decrease", "fell", "fall",
            "decline", "drop", "down ", "shrank", "lower");

    Result check(String claim, Evidence evidence) {
        String lower = claim.toLowerCase(Locale.ROOT) + " ";
        Optional<String> metric = METRIC_WORDS.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(lower::contains))
                .map(Map.Entry::getKey).findFirst();
        Matcher percent = PERCENT.matcher(lower);
        BigDecimal claimed = percent.find() ? new BigDecimal(percent.group(1)) : null;
        int direction = UP.stream().anyMatch(lower::contains) ? 1 : DOWN.stream().anyMatch(lower::contains) ? -1 : 0;
        if (metric.isEmpty()) {
            return new Result(Verdict.CANNOT_VERIFY, null, claimed, null, null, null);
        }
        List<Evidence.CitedFact> series = evidence.facts().stream()
                .filter(f -> metric.get().equals(f.fact().metric()) && f.fact().number() != null
                        && f.fact().period() != null)
                .filter(f -> f.company().equals(evidence.facts().stream()
                        .filter(g -> metric.get().equals(g.fact().metric())).findFirst().orElseThrow().company()))
                .sorted(Comparator.comparing(f -> f.fact().period()))
                .toList();
        if (series.size() < 2 || series.get(series.size() - 2).fact().number().signum() == 0
                || (claimed == null && direction == 0)) {
            return new Result(Verdict.CANNOT_VERIFY, metric.get(), claimed, null, null, null);
        }
        Evidence.CitedFact previous = series.get(series.size() - 2);
        Evidence.CitedFact current = series.get(series.size() - 1);
        BigDecimal actual = NumberExtractor.percentChange(previous.fact().number(), current.fact().number());
        BigDecimal signedClaim = claimed == null ? null : direction < 0 ? claimed.negate() : claimed;
        boolean directionOk = direction == 0 || Integer.signum(direction) == actual.signum();
        boolean sizeOk = signedClaim == null || signedClaim.subtract(actual).abs().compareTo(TOLERANCE_POINTS) <= 0;
        Verdict verdict = directionOk && sizeOk ? Verdict.SUPPORTED : Verdict.CONTRADICTED;
        return new Result(verdict, metric.get(), signedClaim, actual, previous, current);
    }

    /** The answer text for a checked claim, in the user's language, with citations. */
    String explain(Result result, String claimText, Texts texts) {
        if (result.verdict() == Verdict.CANNOT_VERIFY) {
            return texts.claimUnverifiable();
        }
        Fact previous = result.previous().fact();
        Fact current = result.current().fact();
        String metric = texts.metric(current);
        String actual = texts.numbers().percent(result.actualPercent());
        String claimed = result.claimedPercent() == null ? "\"" + claimText.strip() + "\""
                : texts.numbers().percent(result.claimedPercent());
        String period = previous.period() + " → " + current.period();
        String verdict = result.verdict() == Verdict.SUPPORTED
                ? texts.claimSupported(metric, claimed, actual, period)
                : texts.claimContradicted(metric, claimed, actual, period);
        return verdict + "\n- " + texts.figures(metric, previous.period(), previous.value() + " [" + result.previous().id() + "]",
                current.period(), current.value() + " [" + result.current().id() + "]");
    }
}
