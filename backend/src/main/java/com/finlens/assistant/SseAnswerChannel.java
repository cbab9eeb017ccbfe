package com.finlens.assistant;

import com.finlens.assistant.answer.AnswerChannel;
import com.finlens.assistant.answer.AnswerEvent;
import com.finlens.platform.http.SseStream;

/** An answer channel framed as server-sent events: each event's name and JSON data become one SSE event. */
final class SseAnswerChannel implements AnswerChannel {

    private final SseStream stream;

    SseAnswerChannel(SseStream stream) {
        this.stream = stream;
    }

    @Override
    public void emit(AnswerEvent event) {
        stream.send(event.name(), event.toJson());
    }

    @Override
    public void onClientGone(Runnable action) {
        stream.onClose(action);
    }

    @Override
    public void end() {
        stream.end();
    }
}
