package com.finlens.assistant.pipeline;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Picks, among the facts of one company and one metric, those for the period the question named: the exact day,
 * the quarter, the years, or the latest; with a change asked, the period before it too (same granularity).
 */
final class FigureSelection {

    private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private FigureSelection() {
    }

    static List<Evidence.CitedFact> select(List<Evidence.CitedFact> facts, PeriodAsk period, boolean withPrevious) {
        List<Evidence.CitedFact> sorted = facts.stream()
                .sorted(Comparator.comparing(FigureSelection::period)).toList();
        if (period.date() != null) {
            return sorted.stream().filter(f -> period(f).equals(period.date().toString())).toList();
        }
        String suffix = period.quarter() != null ? " Q" + period.quarter()
                : period.half() != null ? (period.half() == 1 ? " Q1–Q2" : " H2") : "";
        List<Evidence.CitedFact> sameKind = sorted.stream().filter(f -> granularity(period(f)).equals(
                suffix.isEmpty() ? granularity(latestAnnualOrAny(sorted)) : suffix)).toList();
        if (!period.years().isEmpty()) {
            List<Evidence.CitedFact> chosen = sameKind.stream()
                    .filter(f -> period.years().stream().anyMatch(y -> period(f).equals(y + suffix)))
                    .toList();
            if (chosen.isEmpty()) {
                // a price in a named year: its last day in the data
                chosen = sameKind.stream().filter(f -> granularity(period(f)).equals("day")
                        && period.years().stream().anyMatch(y -> period(f).startsWith(y + "-")))
                        .reduce((a, b) -> b).map(List::of).orElse(List.of());
            }
            if (withPrevious && chosen.size() == 1) {
                return previousAnd(sameKind, chosen.get(0));
            }
            return chosen;
        }
        if (sameKind.isEmpty()) {
            return List.of();
        }
        Evidence.CitedFact latest = sameKind.get(sameKind.size() - 1);
        return withPrevious ? previousAnd(sameKind, latest) : List.of(latest);
    }

    private static String period(Evidence.CitedFact f) {
        return f.fact().period() == null ? "" : f.fact().period();
    }

    /** "2024" → "", "2024 Q3" → " Q3", "2024-01-05" → "day". */
    static String granularity(String period) {
        if (period == null) {
            return "";
        }
        if (ISO_DAY.matcher(period).matches()) {
            return "day";
        }
        int space = period.indexOf(' ');
        return space < 0 ? "" : period.substring(space);
    }

    /** Annual figures when there are any (a plain "매출" means the year), else whatever granularity exists. */
    private static String latestAnnualOrAny(List<Evidence.CitedFact> sorted) {
        return sorted.stream().map(FigureSelection::period).filter(p -> granularity(p).isEmpty()).reduce((a, b) -> b)
                .orElse(sorted.isEmpty() ? "" : sorted.get(sorted.size() - 1).fact().period());
    }

    private static List<Evidence.CitedFact> previousAnd(List<Evidence.CitedFact> sameKind, Evidence.CitedFact f) {
        int at = sameKind.indexOf(f);
        return at > 0 ? List.of(sameKind.get(at - 1), f) : List.of(f);
    }
}
