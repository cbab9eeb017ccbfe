package com.finlens.assistant.pipeline;

import com.finlens.assistant.answer.Question;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Asks every question of {@code eval/questions.json} and scores the answer against values the evaluation reads
 * from the bundled data itself ({@link EvalData}): the figure asked for must appear (at the precision shown), an
 * absent figure must be named as missing with the sources searched, an ambiguous name must get the company choice,
 * and the number check must flag nothing. Prints accuracy per category and every failure.
 */
final class AnswerEvaluation {

    record Outcome(String id, String category, String question, boolean passed, List<String> problems, String answer,
                   int checked, int traced, int flagged) {
    }

    record Report(List<Outcome> outcomes) {

        double accuracy() {
            return outcomes.isEmpty() ? 0 : 100.0 * outcomes.stream().filter(Outcome::passed).count() / outcomes.size();
        }

        long falseFlags() {
            return outcomes.stream().mapToLong(Outcome::flagged).sum();
        }

        String table() {
            Map<String, int[]> byCategory = new LinkedHashMap<>();
            for (Outcome o : outcomes) {
                int[] c = byCategory.computeIfAbsent(o.category(), k -> new int[2]);
                c[0]++;
                c[1] += o.passed() ? 1 : 0;
            }
            StringBuilder out = new StringBuilder("| category | questions | correct | accuracy |\n| --- | --- | --- | --- |\n");
            byCategory.forEach((k, c) -> out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f%% |%n", k, c[0],
                    c[1], 100.0 * c[1] / c[0])));
            long passed = outcomes.stream().filter(Outcome::passed).count();
            out.append(String.format(Locale.ROOT, "| **all** | %d | %d | %.1f%% |%n", outcomes.size(), passed, accuracy()));
            int checked = outcomes.stream().mapToInt(Outcome::checked).sum();
            int traced = outcomes.stream().mapToInt(Outcome::traced).sum();
            out.append(String.format(Locale.ROOT, "%nNumber check: %d figures checked, %d traced, %d flagged.%n",
                    checked, traced, falseFlags()));
            boolean all = Boolean.getBoolean("eval.answers");
            for (Outcome o : outcomes) {
                if (all && o.passed()) {
                    out.append("\nPASSED ").append(o.id()).append(' ').append(o.question()).append("\n  answer: ")
                            .append(o.answer().replace("\n", "\n          ")).append('\n');
                }
                if (!o.passed()) {
                    out.append("\nFAILED ").append(o.id()).append(" [").append(o.category()).append("] ")
                            .append(o.question()).append("\n  ").append(String.join("\n  ", o.problems()))
                            .append("\n  answer: ").append(o.answer().replace("\n", "\n          ")).append('\n');
                }
            }
            return out.toString();
        }
    }

    private AnswerEvaluation() {
    }

    static Report run(EvalAssistant assistant) {
        JsonArray questions = new JsonObject(resource("eval/questions.json")).getJsonArray("questions");
        List<Outcome> outcomes = new ArrayList<>();
        for (Object o : questions) {
            JsonObject q = (JsonObject) o;
            EvalAssistant.Answer a = assistant.ask(q.getString("question"), q.getString("selection"),
                    "claim-check".equals(q.getString("mode")) ? Question.Mode.CLAIM_CHECK : Question.Mode.ANSWER);
            String text = a.outcome().text();
            List<String> problems = new ArrayList<>();
            for (Object e : q.getJsonArray("expect")) {
                check((JsonObject) e, text, a, problems);
            }
            JsonObject numbers = a.sink().last("number-check");
            int checked = numbers == null ? 0 : numbers.getInteger("checked", 0);
            List<String> flags = a.outcome().flags();
            if (!flags.isEmpty()) {
                problems.add("number check flagged " + flags);
            }
            outcomes.add(new Outcome(q.getString("id"), q.getString("category"), q.getString("question"),
                    problems.isEmpty(), problems, text, checked, checked - flags.size(), flags.size()));
        }
        return new Report(outcomes);
    }

    private static void check(JsonObject e, String text, EvalAssistant.Answer a, List<String> problems) {
        if (e.containsKey("dart")) {
            JsonObject d = e.getJsonObject("dart");
            BigDecimal expected = EvalData.dart(d.getString("corp"), d.getInteger("year"), d.getString("report"),
                    d.getString("account"), d.getString("column"));
            mentions(text, expected, false, problems, "DART " + d.getString("account") + " " + d.getInteger("year"));
        } else if (e.containsKey("price")) {
            JsonObject p = e.getJsonObject("price");
            String code = p.getString("code");
            LocalDate day = p.getBoolean("latest", false) ? EvalData.lastDay(code) : LocalDate.parse(p.getString("date"));
            BigDecimal expected = EvalData.price(code, day, p.getString("field"));
            mentions(text, expected, false, problems, p.getString("field") + " of " + code + " on " + day);
            if (!text.contains(day.toString())) {
                problems.add("does not say the day " + day);
            }
        } else if (e.containsKey("change")) {
            JsonObject c = e.getJsonObject("change");
            String report = c.getString("report", "11011");
            BigDecimal now = EvalData.dart(c.getString("corp"), c.getInteger("year"), report, c.getString("account"),
                    "thstrm_amount");
            BigDecimal before = EvalData.dart(c.getString("corp"), c.getInteger("year"), report, c.getString("account"),
                    "frmtrm_amount");
            BigDecimal percent = now.subtract(before).multiply(BigDecimal.valueOf(100))
                    .divide(before.abs(), 6, RoundingMode.HALF_UP);
            mentions(text, percent, true, problems, "change of " + c.getString("account"));
            mentions(text, now, false, problems, c.getString("account") + " " + c.getInteger("year"));
        } else if (e.containsKey("absent")) {
            JsonObject m = e.getJsonObject("absent");
            boolean said = text.contains("항목이 없습니다") || text.contains("The data has no");
            if (!said || !text.toLowerCase(Locale.ROOT).contains(m.getString("metric").toLowerCase(Locale.ROOT))
                    || !text.contains(m.getString("company"))) {
                problems.add("does not say that " + m.getString("metric") + " of " + m.getString("company")
                        + " is missing");
            }
            if (!text.contains("찾아본 곳") && !text.contains("searched") && !text.contains("가져오지 못했습니다")) {
                problems.add("does not name the sources searched");
            }
        } else if (e.containsKey("choose")) {
            JsonObject choice = a.sink().last("choose-company");
            if (choice == null) {
                problems.add("no choose-company event");
            } else {
                List<String> tickers = choice.getJsonArray("candidates").stream()
                        .map(c -> ((JsonObject) c).getString("ticker")).toList();
                for (Object t : e.getJsonArray("choose")) {
                    if (!tickers.contains(t)) {
                        problems.add("candidates " + tickers + " lack " + t);
                    }
                }
            }
        } else if (e.containsKey("filings")) {
            JsonObject f = e.getJsonObject("filings");
            if (f.getBoolean("recent", false)) {
                boolean said = text.contains("항목이 없습니다") || text.contains("The data has no");
                if (!said || !text.contains("찾아본 곳") && !text.contains("searched")) {
                    problems.add("does not say which window and sources were searched for filings");
                }
            } else {
                for (String name : EvalData.filings(f.getString("corp"), LocalDate.parse(f.getString("from")),
                        LocalDate.parse(f.getString("to")))) {
                    if (!text.contains(name)) {
                        problems.add("does not list the filing " + name);
                    }
                }
            }
        } else if (e.containsKey("claim")) {
            JsonObject claim = a.sink().last("claim-check");
            String verdict = claim == null ? null : claim.getString("verdict");
            if (!e.getJsonObject("claim").getString("verdict").equals(verdict)) {
                problems.add("claim verdict " + verdict);
            }
        }
    }

    /** The expected value must be one of the figures the answer states, at the precision it is stated. */
    private static void mentions(String text, BigDecimal expected, boolean percent, List<String> problems, String what) {
        boolean found = NumberExtractor.extract(text).stream()
                .anyMatch(m -> m.percent() == percent && m.value().signum() * expected.signum() >= 0
                        && m.matches(expected.abs()) || m.percent() == percent && m.matches(expected.abs()));
        if (!found) {
            problems.add("missing " + what + " = " + expected.stripTrailingZeros().toPlainString() + (percent ? "%" : ""));
        }
    }

    private static String resource(String name) {
        try (InputStream in = AnswerEvaluation.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
