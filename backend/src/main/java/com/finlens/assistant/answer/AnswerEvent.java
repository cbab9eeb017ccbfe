package com.finlens.assistant.answer;

import com.finlens.platform.http.ApiException;
import com.finlens.platform.http.Problem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;

/**
 * One event of the answer stream, the contract every client reads. Each record names its event and defines its
 * JSON shape here and nowhere else; {@code docs/answer-stream.md} and the OpenAPI description document them, and
 * the recorded transcripts the clients replay come from these records. Nothing here knows about HTTP framing:
 * the conversation route turns events into server-sent events.
 */
public sealed interface AnswerEvent {

    /** The event name on the wire ({@code event:} line). */
    String name();

    /** The event data ({@code data:} line). */
    JsonObject toJson();

    /** The question was stored and the answer message exists (status streaming). Always first. */
    record Start(long userMessageId, long messageId) implements AnswerEvent {
        public String name() {
            return "start";
        }

        public JsonObject toJson() {
            return new JsonObject().put("userMessageId", userMessageId).put("messageId", messageId);
        }
    }

    /** A pipeline step started, finished or failed, e.g. ("resolve", "Finding companies", "started"). */
    record Step(String step, String label, String status) implements AnswerEvent {
        public String name() {
            return "step";
        }

        public JsonObject toJson() {
            return new JsonObject().put("name", step).put("label", label).put("status", status);
        }
    }

    /** A piece of answer text (Markdown), in order; the answer is the concatenation of every token. */
    record Token(String text) implements AnswerEvent {
        public String name() {
            return "token";
        }

        public JsonObject toJson() {
            return new JsonObject().put("text", text);
        }
    }

    /** The sources the answer cites; may come more than once, the last one wins. */
    record Sources(List<SourceRef> sources) implements AnswerEvent {
        public Sources {
            sources = List.copyOf(sources);
        }

        public String name() {
            return "sources";
        }

        public JsonObject toJson() {
            return new JsonObject().put("sources", new JsonArray(sources.stream().map(SourceRef::toJson).toList()));
        }
    }

    /**
     * A company name in the question fits several companies; the answer stops and asks. The client re-asks the
     * same question with the chosen candidate's {@code key} as {@code companyKey}.
     */
    record ChooseCompany(String mention, String question, List<Candidate> candidates) implements AnswerEvent {
        public ChooseCompany {
            candidates = List.copyOf(candidates);
        }

        public String name() {
            return "choose-company";
        }

        public JsonObject toJson() {
            JsonArray list = new JsonArray();
            candidates.forEach(c -> list.add(new JsonObject().put("key", c.key()).put("name", c.name())
                    .put("ticker", c.ticker()).put("market", c.market())));
            return new JsonObject().put("mention", mention).put("question", question).put("candidates", list);
        }

        /** One company the mention may mean; {@code key} is what the client sends back. */
        public record Candidate(String key, String name, String ticker, String market) {
        }
    }

    /**
     * The answer is about one company's share price: clients may draw its price chart from the market API
     * ({@code company} is a KRX code or a Yahoo symbol), with ranges ending on {@code through}, the last day the
     * evidence has (offline, the bundled data's last day).
     */
    record PriceChart(String company, String companyName, String through) implements AnswerEvent {
        public String name() {
            return "price-chart";
        }

        public JsonObject toJson() {
            return new JsonObject().put("company", company).put("name", companyName).put("through", through);
        }
    }

    /**
     * Every figure in the answer traced to the evidence: how many were checked, how many traced to a source, and
     * the ones that match none ({@code flagged} is their count).
     */
    record NumberCheck(int checked, int traced, List<String> flags) implements AnswerEvent {
        public NumberCheck {
            flags = List.copyOf(flags);
        }

        public String name() {
            return "number-check";
        }

        public JsonObject toJson() {
            return new JsonObject().put("checked", checked).put("traced", traced).put("flagged", flags.size())
                    .put("flags", new JsonArray(flags));
        }
    }

    /**
     * The verdict of a claim check (asked with {@code "mode": "claim-check"}): {@code verdict} is supported,
     * contradicted or cannot_verify; {@code kind} says whether the claim states a figure or a change; {@code claimed}
     * is the figure as the claim wrote it (or the signed change); {@code found} quotes the primary-source figures it
     * was checked against, each with the id of its entry in the {@code sources} event ({@code citations} lists the
     * same ids). The change percentages are there only for a change that could be computed.
     */
    record ClaimCheck(String verdict, String kind, String metric, String claimed, BigDecimal claimedChangePercent,
                      BigDecimal actualChangePercent, List<Figure> found) implements AnswerEvent {
        public ClaimCheck {
            found = List.copyOf(found);
        }

        public String name() {
            return "claim-check";
        }

        public JsonObject toJson() {
            JsonObject json = new JsonObject().put("verdict", verdict).put("kind", kind).put("metric", metric)
                    .put("claimed", claimed);
            if (claimedChangePercent != null) {
                json.put("claimedChangePercent", claimedChangePercent);
            }
            if (actualChangePercent != null) {
                json.put("actualChangePercent", actualChangePercent);
            }
            JsonArray figures = new JsonArray();
            found.forEach(f -> figures.add(f.toJson()));
            return json.put("found", figures)
                    .put("citations", new JsonArray(found.stream().map(Figure::sourceId).toList()));
        }

        /** A primary-source figure the claim was checked against, as the source states it. */
        public record Figure(String sourceId, String company, String label, String period, String value) {
            JsonObject toJson() {
                return new JsonObject().put("sourceId", sourceId).put("company", company).put("label", label)
                        .put("period", period).put("value", value);
            }
        }
    }

    /**
     * The answer could not be completed, or could not be stored: a problem document ({@code type}, {@code title},
     * {@code status}, {@code detail}). Ends the stream; no {@code done} follows.
     */
    record Failed(String type, String title, int status, String detail) implements AnswerEvent {
        public static Failed of(ApiException problem) {
            return new Failed(Problem.TYPE_BASE + problem.type(), problem.title(), problem.status(), problem.detail());
        }

        public String name() {
            return "failed";
        }

        public JsonObject toJson() {
            return new JsonObject().put("type", type).put("title", title).put("status", status).put("detail", detail);
        }
    }

    /**
     * The answer is stored: {@code status} is what the database now holds (complete or cancelled), {@code flags}
     * the figures the number check could not trace. Always last on success.
     */
    record Done(long messageId, String status, List<String> flags) implements AnswerEvent {
        public Done {
            flags = List.copyOf(flags);
        }

        public String name() {
            return "done";
        }

        public JsonObject toJson() {
            return new JsonObject().put("messageId", messageId).put("status", status).put("flags", new JsonArray(flags));
        }
    }
}
