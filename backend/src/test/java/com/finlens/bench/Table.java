package com.finlens.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The benchmark's one table: per scenario the median over runs and the spread (min–max), p50/p99, errors, ratio. */
final class Table {

    record Row(String scenario, String unit, List<Double> values, List<Double> p50, List<Double> p99, long errors,
               List<Double> ratios) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    String markdown(String machine) {
        StringBuilder out = new StringBuilder(machine).append("\n\n")
                .append("| scenario | unit | median | spread (min–max) | p50 ms | p99 ms | errors | ratio to bare hello |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            out.append("| ").append(r.scenario()).append(" | ").append(r.unit()).append(" | ")
                    .append(fmt(median(r.values()))).append(" | ")
                    .append(r.values().size() > 1 ? fmt(Collections.min(r.values())) + "–" + fmt(Collections.max(r.values()))
                            : "–").append(" | ")
                    .append(fmt(median(r.p50()))).append(" | ").append(fmt(median(r.p99()))).append(" | ")
                    .append(r.errors()).append(" | ")
                    .append(r.ratios().isEmpty() ? "" : fmt(median(r.ratios())) + "×").append(" |\n");
        }
        return out.toString();
    }

    static double median(List<Double> values) {
        if (values == null || values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Math.abs(v) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
