package com.finlens.assistant.llm;

import com.finlens.integration.llm.TokenUsage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What one routed generation produced. {@code ending} tells whether the text is complete, was cut off by a
 * provider failure after it had started streaming, or stopped because the client went away. Latencies are
 * measured from the start of routing, so a failover shows up in {@code firstTokenMillis}.
 */
public record Generation(String provider, String model, String text, TokenUsage usage, long firstTokenMillis,
                         long totalMillis, double costUsd, Ending ending, List<Attempt> attempts) {

    public enum Ending { COMPLETED, CUT_OFF, CANCELLED }

    /** One provider tried on the way, with what happened ("answered", "skipped: cooling down", "TIMEOUT" ...). */
    public record Attempt(String provider, String outcome) {
    }

    public Generation {
        attempts = List.copyOf(attempts);
    }

    public JsonObject toJson() {
        JsonArray tried = new JsonArray();
        attempts.forEach(a -> tried.add(new JsonObject().put("provider", a.provider()).put("outcome", a.outcome())));
        return new JsonObject()
                .put("provider", provider)
                .put("model", model)
                .put("promptTokens", usage.promptTokens())
                .put("completionTokens", usage.completionTokens())
                .put("usageReported", usage.reported())
                .put("firstTokenMillis", firstTokenMillis)
                .put("totalMillis", totalMillis)
                .put("estimatedCostUsd", costUsd)
                .put("ending", ending.name().toLowerCase())
                .put("attempts", tried);
    }
}
