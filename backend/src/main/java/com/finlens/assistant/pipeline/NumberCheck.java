package com.finlens.assistant.pipeline;

import com.finlens.assistant.answer.AnswerEvent;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Traces every figure in an answer back to the gathered evidence: a fact's value, a change between two periods
 * of the same metric (absolute or in percent), or a number quoted in a retrieved passage. Figures that match
 * nothing are returned as flags.
 */
final class NumberCheck {

    /** The outcome: how many figures were checked, how many traced to a source, and the ones that match none. */
    record Result(int checked, List<String> unmatched) {

        int traced() {
            return checked - unmatched.size();
        }

        JsonObject toJson() {
            return toEvent().toJson();
        }

        AnswerEvent.NumberCheck toEvent() {
            return new AnswerEvent.NumberCheck(checked, traced(), unmatched);
        }
    }

    private final List<BigDecimal> amounts = new ArrayList<>();
    private final List<BigDecimal> percents = new ArrayList<>();

    NumberCheck(Evidence evidence, List<String> extraQuotedTexts) {
        for (Evidence.CitedFact f : evidence.facts()) {
            BigDecimal n = f.fact().number();
            if (n != null) {
                ("%".equals(f.fact().unit()) ? percents : amounts).add(n.abs());
            }
        }
        addChanges(evidence);
        evidence.passages().forEach(p -> addQuoted(p.passage().text()));
        extraQuotedTexts.forEach(this::addQuoted);
    }

    Result check(String answer) {
        List<NumberMention> mentions = NumberExtractor.extract(answer);
        List<String> unmatched = new ArrayList<>();
        for (NumberMention mention : mentions) {
            List<BigDecimal> candidates = mention.percent() ? percents : amounts;
            if (candidates.stream().noneMatch(mention::matches)) {
                unmatched.add(mention.text());
            }
        }
        return new Result(mentions.size(), unmatched);
    }

    private void addQuoted(String text) {
        if (text == null) {
            return;
        }
        for (NumberMention m : NumberExtractor.extract(text)) {
            (m.percent() ? percents : amounts).add(m.value());
            // "KRW 123.4 billion" also supports an answer that repeats "123.4" with the unit in words around it
            amounts.add(m.shown());
        }
    }

    /** Differences and percent changes between periods of one metric of one company. */
    private void addChanges(Evidence evidence) {
        Map<String, List<Evidence.CitedFact>> series = evidence.facts().stream()
                .filter(f -> f.fact().number() != null && f.fact().period() != null && !"%".equals(f.fact().unit()))
                .collect(Collectors.groupingBy(f -> f.company().key() + "|" + f.fact().metric()
                        + "|" + f.fact().unit()));
        for (List<Evidence.CitedFact> facts : series.values()) {
            List<Evidence.CitedFact> ordered = facts.stream()
                    .sorted(Comparator.comparing(f -> f.fact().period())).toList();
            for (int i = 0; i < ordered.size(); i++) {
                for (int j = i + 1; j < ordered.size(); j++) {
                    BigDecimal from = ordered.get(i).fact().number();
                    BigDecimal to = ordered.get(j).fact().number();
                    amounts.add(to.subtract(from).abs());
                    if (from.signum() != 0) {
                        percents.add(NumberExtractor.percentChange(from, to).abs());
                    }
                }
            }
        }
    }
}
