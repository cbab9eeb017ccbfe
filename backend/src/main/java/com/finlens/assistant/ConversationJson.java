package com.finlens.assistant;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

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

    static JsonObject message(Message m) {
        JsonObject meta = m.getMetadata() == null ? new JsonObject() : new JsonObject(m.getMetadata());
        return new JsonObject()
                .put("id", m.getId())
                .put("role", m.getRole().name())
                .put("content", m.getContent())
                .put("status", m.getStatus().name())
                .put("createdAt", m.getCreatedAt().toString())
                .put("sources", meta.getJsonArray("sources", new JsonArray()))
                .put("flags", meta.getJsonArray("flags", new JsonArray()));
    }
}
