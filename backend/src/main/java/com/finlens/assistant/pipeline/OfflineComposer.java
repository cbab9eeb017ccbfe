package com.finlens.assistant.pipeline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an answer without a language model, straight from the evidence: every fact with its citation, the change
 * between the two latest periods of each figure, passage excerpts, and what could not be retrieved. Clearly
 * labelled as an offline summary, in the user's language. Deterministic, so the product works with no keys.
 */
final class OfflineComposer {

    private static final int EXCERPT_CHARS = 200;

    String compose(QuestionAnalysis analysis, List<CompanyRef> companies, Evidence evidence) {
        Language language = analysis.language();
        Texts texts = new Texts(language);
        StringBuilder out = new StringBuilder(texts.offlineHeader()).append("\n\n");
        if (evidence.isEmpty()) {
            out.append(texts.nothingFound()).append('\n');
        }
        if (!evidence.facts().isEmpty()) {
            String names = String.join(", ", companies.stream().map(CompanyRef::name).toList());
            out.append(texts.factsIntro(names)).append('\n');
            for (Evidence.CitedFact f : evidence.facts()) {
                out.append("- ").append(line(f, texts, language, companies.size() > 1)).append('\n');
            }
            changes(evidence, texts, companies.size() > 1).forEach(line -> out.append("- ").append(line).append('\n'));
        }
        if (!evidence.passages().isEmpty()) {
            out.append('\n').append(texts.passagesIntro()).append('\n');
            for (Evidence.CitedPassage p : evidence.passages()) {
                EvidencePassage passage = p.passage();
                out.append("- \"").append(passage.documentTitle()).append('"');
                if (passage.position() != null) {
                    out.append(" (").append(passage.position()).append(')');
                }
                out.append(": \"").append(excerpt(passage.text())).append("\" [").append(p.id()).append("]\n");
            }
        }
        if (!evidence.missingSteps().isEmpty()) {
            out.append('\n').append(texts.missing(evidence.missingSteps())).append('\n');
        }
        return out.toString().stripTrailing();
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
        line.append(": ").append(fact.value());
        String human = fact.number() == null || "%".equals(fact.unit()) ? null
                : Amounts.humanize(fact.number(), language);
        if (human != null) {
            line.append(" (").append(texts.about()).append(human).append(unitSuffix(fact.unit(), language)).append(')');
        }
        if (fact.asOf() != null && fact.metric() != null && fact.metric().equals("price")) {
            line.append(", ").append(fact.asOf());
        }
        return line.append(" [").append(f.id()).append(']').toString();
    }

    private static String unitSuffix(String unit, Language language) {
        if (unit == null) {
            return "";
        }
        return language == Language.KO && unit.equals("KRW") ? "원" : " " + unit;
    }

    /** "영업이익 (2019 Q1 → 2020 Q1): +3.4%" for each figure known in at least two periods. */
    private static List<String> changes(Evidence evidence, Texts texts, boolean nameCompany) {
        Map<String, List<Evidence.CitedFact>> series = new LinkedHashMap<>();
        for (Evidence.CitedFact f : evidence.facts()) {
            Fact fact = f.fact();
            if (fact.number() != null && fact.period() != null && !"%".equals(fact.unit())) {
                series.computeIfAbsent(f.company().key() + "|" + fact.metric() + "|" + fact.unit(),
                        k -> new ArrayList<>()).add(f);
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<Evidence.CitedFact> facts : series.values()) {
            if (facts.size() < 2) {
                continue;
            }
            List<Evidence.CitedFact> ordered = facts.stream()
                    .sorted(Comparator.comparing(f -> f.fact().period())).toList();
            Evidence.CitedFact previous = ordered.get(ordered.size() - 2);
            Evidence.CitedFact latest = ordered.get(ordered.size() - 1);
            BigDecimal from = previous.fact().number();
            if (from.signum() == 0) {
                continue;
            }
            BigDecimal change = NumberExtractor.percentChange(from, latest.fact().number());
            lines.add((nameCompany ? latest.company().name() + " " : "") + texts.metric(latest.fact()) + " ("
                    + previous.fact().period() + " → " + latest.fact().period() + "): " + Amounts.percent(change)
                    + " [" + previous.id() + ", " + latest.id() + "]");
        }
        return lines;
    }

    private static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= EXCERPT_CHARS ? flat : flat.substring(0, EXCERPT_CHARS) + "…";
    }
}
