package com.finlens.assistant.usage;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A user's answer quota for today. */
public record QuotaStatus(int limit, int used, Instant resetsAt) {

    public int remaining() {
        return Math.max(0, limit - used);
    }

    public JsonObject toJson() {
        return new JsonObject().put("dailyAnswerLimit", limit).put("used", used).put("remaining", remaining())
                .put("resetsAt", resetsAt.toString());
    }
}
