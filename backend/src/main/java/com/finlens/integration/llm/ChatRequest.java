package com.finlens.integration.llm;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** A streamed chat completion request. */
public record ChatRequest(String model, List<ChatMessage> messages, int maxTokens, double temperature) {

    public ChatRequest {
        messages = List.copyOf(messages);
    }

    /** The wire body: streaming with usage in the last chunk (stream_options.include_usage). */
    JsonObject toJson() {
        JsonArray wireMessages = new JsonArray();
        messages.forEach(m -> wireMessages.add(new JsonObject().put("role", m.role()).put("content", m.content())));
        return new JsonObject()
                .put("model", model)
                .put("messages", wireMessages)
                .put("max_tokens", maxTokens)
                .put("temperature", temperature)
                .put("stream", true)
                .put("stream_options", new JsonObject().put("include_usage", true));
    }
}
