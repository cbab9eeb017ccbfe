package com.finlens.assistant.pipeline;

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
    public synchronized void step(String name, String label, String status) {
        events.add(new Event("step", new JsonObject().put("name", name).put("label", label).put("status", status)));
    }

    @Override
    public synchronized void token(String piece) {
        text.append(piece);
        events.add(new Event("token", new JsonObject().put("text", piece)));
    }

    @Override
    public synchronized void sources(List<SourceRef> refs) {
        sources = List.copyOf(refs);
        events.add(new Event("sources", new JsonObject().put("count", refs.size())));
    }

    @Override
    public synchronized void event(String name, JsonObject data) {
        events.add(new Event(name, data));
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
