package com.finlens.assistant.pipeline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes an answer without a language model, straight from the evidence. A question that names figures gets
 * exactly those, for the period asked, each with its citation, or a sentence saying which figure is missing for
 * which company and period, where it was searched and what the data does have instead. Other questions get every
 * fact. Passages are labelled by origin. Deterministic, so the product works with no keys.
 */
final class OfflineComposer {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static final int EXCERPT_CHARS = 200;
    private static final BigDecimal HUNDRED_MILLION = new BigDecimal("100000000");
    private static final BigDecimal MILLION = new BigDecimal("1000000");

    String compose(QuestionAnalysis analysis, List<CompanyRef> companies, Evidence evidence) {
        Language language = analysis.language();
        Texts texts = new Texts(language);
        StringBuilder out = new StringBuilder(texts.offlineHeader()).append("\n\n");
        boolean nameCompany = companies.size() > 1;
        if (analysis.specific() && !companies.isEmpty()) {
            for (CompanyRef company : companies) {
                for (Metric metric : analysis.metrics()) {
                    asked(company, metric, analysis, evidence, texts).lines()
                            .forEach(line -> out.append("- ").append(line).append('\n'));
                }
            }
        } else if (evidence.facts().isEmpty() && evidence.passages().isEmpty()) {
            out.append(companies.isEmpty() ? texts.nothingFound() : texts.nothingFoundFor(names(companies))).append('\n');
        } else if (!evidence.facts().isEmpty()) {
            out.append(texts.factsIntro(names(companies))).append('\n');
            for (Evidence.CitedFact f : evidence.facts()) {
                out.append("- ").append(line(f, texts, language, nameCompany)).append('\n');
            }
            changes(evidence.facts(), texts, nameCompany).forEach(line -> out.append("- ").append(line).append('\n'));
        }
        passages(evidence, texts, out);
        if (!evidence.missingSteps().isEmpty()) {
            out.append('\n').append(texts.missing(evidence.missingSteps())).append('\n');
        }
        return out.toString().stripTrailing();
    }

    /** The lines answering one metric of one company; {@code missing} when they say the data lacks it. */
    private record Answered(List<String> lines, boolean missing) {
    }

    /**
     * For a model's answer: the sentences saying which asked figures the data lacks, for whom, for which period and
     * where it was searched, so the answer states it exactly whatever the model wrote.
     */
    static String gaps(QuestionAnalysis analysis, Evidence evidence, Texts texts) {
        if (!analysis.specific()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (CompanyRef company : evidence.companies()) {
            for (Metric metric : analysis.metrics()) {
                Answered a = asked(company, metric, analysis, evidence, texts);
                if (a.missing()) {
                    a.lines().forEach(line -> out.append("\n- ").append(line));
                }
            }
        }
        return out.isEmpty() ? "" : "\n" + out;
    }

    /** The lines answering one metric of one company: the figures, their change, or exactly what is missing. */
    private static Answered asked(CompanyRef company, Metric metric, QuestionAnalysis analysis, Evidence evidence,
                                  Texts texts) {
        boolean nameCompany = true;
        List<Evidence.CitedFact> ofMetric = evidence.facts().stream()
                .filter(f -> f.company().equals(company) && (f.fact().metric().equals(metric.key())
                        || (metric == Metric.CLOSE && f.fact().metric().equals("price"))))
                .toList();
        List<String> lines = new ArrayList<>();
        if (metric == Metric.DISCLOSURES) {
            ofMetric.forEach(f -> lines.add(company.name() + " · " + f.fact().period() + " · " + f.fact().value()
                    + " [" + f.id() + "]"));
            if (lines.isEmpty()) {
                lines.add(texts.notInData(company.name(), metric, texts.period(analysis.period()),
                        evidence.searched(company, metric.kind()), List.of(), evidence.looked(company, metric.kind())));
                return new Answered(lines, true);
            }
            return new Answered(lines, false);
        }
        boolean change = analysis.has(Intent.CHANGE);
        List<Evidence.CitedFact> chosen = FigureSelection.select(ofMetric, analysis.period(), change);
        if (chosen.isEmpty()) {
            List<String> have = alternatives(company, metric, evidence, texts);
            lines.add(texts.notInData(company.name(), metric, texts.period(analysis.period()),
                    evidence.searched(company, metric.kind()), have, evidence.looked(company, metric.kind())));
            return new Answered(lines, true);
        }
        for (Evidence.CitedFact f : chosen) {
            lines.add(line(f, texts, analysis.language(), nameCompany));
        }
        if (chosen.size() == 2) {
            lines.addAll(changes(chosen, texts, nameCompany));
        }
        if (metric.kind() == FactKind.PRICE && analysis.period().latest()) {
            Fact last = chosen.get(chosen.size() - 1).fact();
            if (last.sourceSystem() != null && last.sourceSystem().contains("offline data")) {
                lines.add(texts.latestInOfflineData(last.period()));
            }
        }
        return new Answered(lines, false);
    }

    /** What the data does have instead: the latest period of each other figure of the same kind. */
    private static List<String> alternatives(CompanyRef company, Metric metric, Evidence evidence, Texts texts) {
        Map<String, Evidence.CitedFact> latest = new LinkedHashMap<>();
        for (Evidence.CitedFact f : evidence.facts()) {
            Metric m = Metric.byKey(f.fact().metric());
            if (f.company().equals(company) && m != null && m.kind() == metric.kind() && m != metric) {
                latest.merge(m.key(), f, (a, b) -> String.valueOf(a.fact().period())
                        .compareTo(String.valueOf(b.fact().period())) >= 0 ? a : b);
            }
        }
        return latest.values().stream().map(f -> texts.metric(f.fact()) + " (" + f.fact().period() + ")").toList();
    }

    private static String names(List<CompanyRef> companies) {
        return String.join(", ", companies.stream().map(CompanyRef::name).toList());
    }

    private static void passages(Evidence evidence, Texts texts, StringBuilder out) {
        Map<Boolean, List<Evidence.CitedPassage>> byOrigin = new LinkedHashMap<>();
        for (Evidence.CitedPassage p : evidence.passages()) {
            byOrigin.computeIfAbsent(p.passage().shared(), k -> new ArrayList<>()).add(p);
        }
        byOrigin.forEach((shared, list) -> {
            out.append('\n').append(shared ? texts.sharedPassagesIntro() : texts.passagesIntro()).append('\n');
            for (Evidence.CitedPassage p : list) {
                EvidencePassage passage = p.passage();
                out.append("- \"").append(passage.documentTitle()).append('"');
                if (passage.position() != null) {
                    out.append(" (").append(passage.position()).append(')');
                }
                out.append(": \"").append(excerpt(passage.text())).append("\" [").append(p.id()).append("]\n");
            }
        });
    }

    private static String line(Evidence.CitedFact f, Texts texts, Language language, boolean nameCompany) {
        Fact fact = f.fact();
        StringBuilder line = new StringBuilder();
        if (nameCompany) {
            line.append(f.company().name()).append(' ');
        }
        line.append(texts.metric(fact));
        if (fact.period() != null) {
            line.append(" (").append(fact.period()).append(')');
        }
        line.append(": ").append(texts.value(fact));
        if (large(fact, language)) {
            line.append(" (").append(texts.about()).append(texts.numbers().amount(fact.number(), fact.unit()))
                    .append(')');
        }
        Metric metric = Metric.byKey(fact.metric());
        boolean price = "price".equals(fact.metric()) || metric != null && metric.kind() == FactKind.PRICE;
        if (price && fact.period() == null && fact.asOf() != null) {
            line.append(", ").append(fact.asOf());
        }
        if (fact.sourceSystem() != null) {
            line.append(" · ").append(texts.source(fact.sourceSystem()));
        }
        return line.append(" [").append(f.id()).append(']').toString();
    }

    /** An amount worth a shorter reading beside its digits: from 1억 in Korean, from a million in English. */
    private static boolean large(Fact fact, Language language) {
        if (fact.number() == null || "%".equals(fact.unit()) || "shares".equals(fact.unit())) {
            return false;
        }
        return fact.number().abs().compareTo(language == Language.KO ? HUNDRED_MILLION : MILLION) >= 0;
    }

    /** "영업이익 (2019 Q1 → 2020 Q1): +3.4%" for each figure known in at least two periods. */
    private static List<String> changes(List<Evidence.CitedFact> facts, Texts texts, boolean nameCompany) {
        Map<String, List<Evidence.CitedFact>> series = new LinkedHashMap<>();
        for (Evidence.CitedFact f : facts) {
            Fact fact = f.fact();
            if (fact.number() != null && fact.period() != null && !"%".equals(fact.unit())) {
                series.computeIfAbsent(f.company().key() + "|" + fact.metric() + "|" + fact.unit() + "|"
                        + FigureSelection.granularity(fact.period()), k -> new ArrayList<>()).add(f);
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<Evidence.CitedFact> group : series.values()) {
            if (group.size() < 2) {
                continue;
            }
            List<Evidence.CitedFact> ordered = group.stream()
                    .sorted(Comparator.comparing(f -> f.fact().period())).toList();
            Evidence.CitedFact previous = ordered.get(ordered.size() - 2);
            Evidence.CitedFact latest = ordered.get(ordered.size() - 1);
            BigDecimal from = previous.fact().number();
            if (from.signum() == 0) {
                continue;
            }
            BigDecimal change = NumberExtractor.percentChange(from, latest.fact().number());
            lines.add((nameCompany ? latest.company().name() + " " : "") + texts.metric(latest.fact()) + " ("
                    + previous.fact().period() + " → " + latest.fact().period() + "): " + texts.numbers().percent(change)
                    + " [" + previous.id() + ", " + latest.id() + "]");
        }
        return lines;
    }

    private static String excerpt(String text) {
        String flat = WHITESPACE.matcher(text).replaceAll(" ").trim();
        return flat.length() <= EXCERPT_CHARS ? flat : flat.substring(0, EXCERPT_CHARS) + "…";
    }
}
