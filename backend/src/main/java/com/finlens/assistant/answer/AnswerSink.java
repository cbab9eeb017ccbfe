package com.finlens.assistant.answer;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Where an answer streams to. Each call becomes one SSE event for the client:
 * {@code step} {"name","label","status"}, {@code token} {"text"}, {@code sources} {"sources":[...]}.
 * The conversation service adds {@code done} and {@code error} itself.
 */
public interface AnswerSink {

    /** A pipeline step started or finished, e.g. ("resolve", "Finding companies", "started"). */
    void step(String name, String label, String status);

    /** A piece of answer text, in order. */
    void token(String text);

    /** The sources the answer cites (may be sent more than once; the last one wins). */
    void sources(List<SourceRef> sources);

    /** Extra structured data for the client, e.g. a company choice when a name is ambiguous. */
    default void event(String name, JsonObject data) {
    }
}
