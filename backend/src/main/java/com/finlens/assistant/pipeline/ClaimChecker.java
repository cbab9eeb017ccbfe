package com.finlens.assistant.pipeline;

import com.finlens.assistant.answer.AnswerEvent;
import com.finlens.platform.format.AmountFormat;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a claim the user asked to check against the primary-source figures, without a model. Two kinds:
 * <ul>
 *   <li>a figure ("삼성전자 2023년 영업이익 6.57조원"): the metric's value for the period named (else the latest) must
 *       round to the stated amount at the precision it was stated with;</li>
 *   <li>a change ("영업이익 30% 증가"): the change between the two latest periods must match the direction and be
 *       within one percentage point of the stated size.</li>
 * </ul>
 * It cannot verify a claim that names no metric the data has, no figure or change, or a period the data lacks.
 */
final class ClaimChecker {

    /** Percentages read the same in both languages (+30.0%). */
    private static final AmountFormat PERCENT = AmountFormat.of("en");

    enum Verdict { SUPPORTED, CONTRADICTED, CANNOT_VERIFY }

    enum Kind { FIGURE, CHANGE }

    /**
     * The checked claim: {@code claimed} is the figure as the claim wrote it (or the signed change), {@code found}
     * the facts it was checked against (empty when it could not be verified).
     */
    record Result(Verdict verdict, Kind kind, String metric, String claimed, BigDecimal claimedPercent,
                  BigDecimal actualPercent, List<Evidence.CitedFact> found) {

        Result {
            found = List.copyOf(found);
        }

        static Result unverifiable(String metric, String claimed) {
            return new Result(Verdict.CANNOT_VERIFY, null, metric, claimed, null, null, List.of());
        }

        JsonObject toJson() {
            return toEvent().toJson();
        }

        AnswerEvent.ClaimCheck toEvent() {
            List<AnswerEvent.ClaimCheck.Figure> figures = found.stream()
                    .map(f -> new AnswerEvent.ClaimCheck.Figure(f.id(), f.company().name(), f.fact().label(),
                            f.fact().period(), f.fact().value()))
                    .toList();
            return new AnswerEvent.ClaimCheck(verdict.name().toLowerCase(Locale.ROOT),
                    kind == null ? null : kind.name().toLowerCase(Locale.ROOT), metric, claimed, claimedPercent,
                    actualPercent == null ? null : actualPercent.setScale(2, RoundingMode.HALF_UP), figures);
        }
    }

    private static final BigDecimal TOLERANCE_POINTS = BigDecimal.ONE;
    private static final List<String> UP = List.of("증가", "늘", "상승", "성장", "개선", "확대", "급증", "increase", "rose",
            "rise", "grew", "grow", "growth", "up ", "jump", "surge", "higher");
    private static final List<String> DOWN = List.of("감소", "줄", "하락", "축소", "악화", "급감", "decrease", "fell", "fall",
            "decline", "drop", "down ", "shrank", "lower");

    Result check(String claim, Evidence evidence) {
        String lower = claim.toLowerCase(Locale.ROOT) + " ";
        Optional<Metric> metric = QuestionAnalyzer.metrics(lower).stream()
                .filter(m -> m.kind() != FactKind.DISCLOSURES).findFirst();
        List<NumberMention> numbers = NumberExtractor.extract(claim);
        Optional<NumberMention> percent = numbers.stream().filter(NumberMention::percent).findFirst();
        List<NumberMention> amounts = numbers.stream().filter(n -> !n.percent()).toList();
        int direction = UP.stream().anyMatch(lower::contains) ? 1 : DOWN.stream().anyMatch(lower::contains) ? -1 : 0;
        if (metric.isEmpty()) {
            return Result.unverifiable(null, numbers.isEmpty() ? null : numbers.get(0).text());
        }
        List<Evidence.CitedFact> series = series(evidence, metric.get().key());
        if (percent.isPresent() || (direction != 0 && amounts.isEmpty())) {
            return change(metric.get().key(), percent.map(NumberMention::value).orElse(null), direction, series);
        }
        if (amounts.isEmpty()) {
            return Result.unverifiable(metric.get().key(), null);
        }
        return figure(metric.get().key(), amounts, PeriodParser.parse(claim).years(), series);
    }

    /** The metric's facts for the first company that has it, oldest period first. */
    private static List<Evidence.CitedFact> series(Evidence evidence, String metric) {
        List<Evidence.CitedFact> ofMetric = evidence.facts().stream()
                .filter(f -> metric.equals(f.fact().metric()) && f.fact().number() != null && f.fact().period() != null)
                .toList();
        if (ofMetric.isEmpty()) {
            return List.of();
        }
        CompanyRef company = ofMetric.get(0).company();
        return ofMetric.stream().filter(f -> f.company().equals(company))
                .sorted(Comparator.comparing(f -> f.fact().period())).toList();
    }

    private static Result change(String metric, BigDecimal claimed, int direction, List<Evidence.CitedFact> series) {
        BigDecimal signedClaim = claimed == null ? null : direction < 0 ? claimed.negate() : claimed;
        String shown = signedClaim == null ? null : PERCENT.percent(signedClaim);
        if (series.size() < 2 || series.get(series.size() - 2).fact().number().signum() == 0) {
            return Result.unverifiable(metric, shown);
        }
        Evidence.CitedFact previous = series.get(series.size() - 2);
        Evidence.CitedFact current = series.get(series.size() - 1);
        BigDecimal actual = NumberExtractor.percentChange(previous.fact().number(), current.fact().number());
        boolean directionOk = direction == 0 || Integer.signum(direction) == actual.signum();
        boolean sizeOk = signedClaim == null || signedClaim.subtract(actual).abs().compareTo(TOLERANCE_POINTS) <= 0;
        Verdict verdict = directionOk && sizeOk ? Verdict.SUPPORTED : Verdict.CONTRADICTED;
        return new Result(verdict, Kind.CHANGE, metric, shown, signedClaim, actual, List.of(previous, current));
    }

    /**
     * The fact of the year named (its annual figure when there is one), else the latest; supported when one of the
     * claim's amounts rounds to it. A year the data does not cover cannot be verified.
     */
    private static Result figure(String metric, List<NumberMention> amounts, List<Integer> years,
                                 List<Evidence.CitedFact> series) {
        String claimed = amounts.get(0).text();
        List<Evidence.CitedFact> candidates = years.isEmpty() ? series : series.stream()
                .filter(f -> f.fact().period().startsWith(String.valueOf(years.get(0)))).toList();
        if (candidates.isEmpty()) {
            return Result.unverifiable(metric, claimed);
        }
        String year = years.isEmpty() ? null : String.valueOf(years.get(0));
        Evidence.CitedFact fact = candidates.stream().filter(f -> f.fact().period().equals(year)).findFirst()
                .orElse(candidates.get(candidates.size() - 1));
        Optional<NumberMention> match = amounts.stream().filter(a -> a.matches(fact.fact().number())).findFirst();
        Verdict verdict = match.isPresent() ? Verdict.SUPPORTED : Verdict.CONTRADICTED;
        return new Result(verdict, Kind.FIGURE, metric, match.map(NumberMention::text).orElse(claimed), null, null,
                List.of(fact));
    }

    /** The answer text for a checked claim, in the user's language, with citations. */
    String explain(Result result, String claimText, Texts texts) {
        if (result.verdict() == Verdict.CANNOT_VERIFY) {
            return texts.claimUnverifiable();
        }
        if (result.kind() == Kind.FIGURE) {
            Evidence.CitedFact found = result.found().get(0);
            String metric = texts.metric(found.fact());
            String value = found.fact().value() + " [" + found.id() + "]";
            return result.verdict() == Verdict.SUPPORTED
                    ? texts.claimFigureSupported(metric, found.fact().period(), value, result.claimed())
                    : texts.claimFigureContradicted(metric, found.fact().period(), value, result.claimed());
        }
        Evidence.CitedFact previousFact = result.found().get(0);
        Evidence.CitedFact currentFact = result.found().get(1);
        Fact previous = previousFact.fact();
        Fact current = currentFact.fact();
        String metric = texts.metric(current);
        String actual = texts.numbers().percent(result.actualPercent());
        String claimed = result.claimed() == null ? "\"" + claimText.strip() + "\"" : result.claimed();
        String period = previous.period() + " → " + current.period();
        String verdict = result.verdict() == Verdict.SUPPORTED
                ? texts.claimSupported(metric, claimed, actual, period)
                : texts.claimContradicted(metric, claimed, actual, period);
        return verdict + "\n- " + texts.figures(metric, previous.period(), previous.value() + " [" + previousFact.id() + "]",
                current.period(), current.value() + " [" + currentFact.id() + "]");
    }
}
