package com.finlens.assistant;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The API shape of conversations and messages. */
final class ConversationJson {

    private ConversationJson() {
    }

    static JsonObject conversation(Conversation c) {
        return new JsonObject()
                .put("id", c.getId())
                .put("title", c.getTitle())
                .put("createdAt", c.getCreatedAt().toString())
                .put("updatedAt", c.getUpdatedAt().toString());
    }

    /** A list of conversations as the API answers it: {@code {"conversations": [...]}}, encoded. */
    static Buffer list(List<Conversation> conversations) {
        return new JsonObject().put("conversations",
                new JsonArray(conversations.stream().map(ConversationJson::conversation).toList())).toBuffer();
    }

    static JsonObject message(Message m) {
        JsonObject meta = m.getMetadata() == null ? new JsonObject() : new JsonObject(m.getMetadata());
        return new JsonObject()
                .put("id", m.getId())
                .put("role", m.getRole().name())
                .put("content", m.getContent())
                .put("status", m.getStatus().name())
                .put("createdAt", m.getCreatedAt().toString())
                .put("sources", meta.getJsonArray("sources", new JsonArray()))
                .put("flags", meta.getJsonArray("flags", new JsonArray()))
                .put("companies", meta.getJsonArray("companies", new JsonArray()))
                .put("priceChart", meta.getJsonObject("priceChart"))
                .put("usage", usage(meta.getJsonObject("llm")));
    }

    /** What a model answer cost, from the generation the pipeline stored; null for answers without a model. */
    private static JsonObject usage(JsonObject llm) {
        if (llm == null) {
            return null;
        }
        return new JsonObject()
                .put("model", llm.getString("model"))
                .put("firstTokenMillis", llm.getLong("firstTokenMillis", 0L))
                .put("totalMillis", llm.getLong("totalMillis", 0L))
                .put("estimatedCostUsd", llm.getDouble("estimatedCostUsd", 0.0));
    }
}
