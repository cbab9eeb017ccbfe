package com.finlens.assistant.answer;

import java.util.List;

/**
 * Where an answer streams to: every call is one {@link AnswerEvent} for the client. The pipeline emits the events
 * of the answer itself; the conversation service adds {@code start}, {@code failed} and {@code done}.
 */
public interface AnswerSink {

    void emit(AnswerEvent event);

    /** A pipeline step started or finished, e.g. ("resolve", "Finding companies", "started"). */
    default void step(String name, String label, String status) {
        emit(new AnswerEvent.Step(name, label, status));
    }

    /** A piece of answer text, in order. */
    default void token(String text) {
        emit(new AnswerEvent.Token(text));
    }

    /** The sources the answer cites (may be sent more than once; the last one wins). */
    default void sources(List<SourceRef> sources) {
        emit(new AnswerEvent.Sources(sources));
    }
}
