package com.finlens.assistant.pipeline;

import com.finlens.assistant.answer.AnswerEvent;
import com.finlens.assistant.answer.AnswerSink;
import com.finlens.assistant.answer.SourceRef;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Records what an answer source streams, in order, as the SSE events the client would get. */
final class RecordingSink implements AnswerSink {

    record Event(String name, JsonObject data) {
    }

    private final List<Event> events = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private List<SourceRef> sources = List.of();

    @Override
    public synchronized void emit(AnswerEvent event) {
        if (event instanceof AnswerEvent.Token token) {
            text.append(token.text());
        } else if (event instanceof AnswerEvent.Sources list) {
            sources = list.sources();
        }
        events.add(new Event(event.name(), event.toJson()));
    }

    synchronized String text() {
        return text.toString();
    }

    synchronized List<SourceRef> sources() {
        return sources;
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    synchronized long tokenCount() {
        return events.stream().filter(e -> e.name().equals("token")).count();
    }

    synchronized JsonObject last(String name) {
        return events.stream().filter(e -> e.name().equals(name)).reduce((a, b) -> b).map(Event::data).orElse(null);
    }

    synchronized List<String> steps(String status) {
        return events.stream().filter(e -> e.name().equals("step") && e.data().getString("status").equals(status))
                .map(e -> e.data().getString("name")).toList();
    }
}
