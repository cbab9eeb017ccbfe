package com.finlens.assistant.answer;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A finished (or cancelled) answer. {@code text} is the full answer text as streamed; {@code flags} lists numbers
 * that could not be traced to a source; {@code metadata} carries provider, model, usage and latency for storage.
 */
public record AnswerOutcome(String text, List<SourceRef> sources, List<String> flags, JsonObject metadata) {

    public AnswerOutcome {
        sources = List.copyOf(sources);
        flags = List.copyOf(flags);
        metadata = metadata == null ? new JsonObject() : metadata;
    }
}
