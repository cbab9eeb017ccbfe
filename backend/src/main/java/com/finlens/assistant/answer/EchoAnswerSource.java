package com.finlens.assistant.answer;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The walking skeleton's answer source: restates the question word by word, so the streaming path (SSE, storage,
 * cancellation) can be exercised before the real assistant is wired in.
 */
public final class EchoAnswerSource implements AnswerSource {

    private final Vertx vertx;

    public EchoAnswerSource(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Future<AnswerOutcome> answer(Question question, AnswerSink sink, Cancellation cancellation) {
        sink.step("answer", "Answering", "started");
        List<String> words = new ArrayList<>(List.of(("You asked: " + question.text()).split("(?<=\\s)")));
        Promise<AnswerOutcome> done = Promise.promise();
        StringBuilder text = new StringBuilder();
        long timer = vertx.setPeriodic(20, id -> {
            if (cancellation.isCancelled() || words.isEmpty()) {
                vertx.cancelTimer(id);
                sink.step("answer", "Answering", "done");
                done.tryComplete(new AnswerOutcome(text.toString(), List.of(), List.of(), new JsonObject()));
                return;
            }
            String word = words.remove(0);
            text.append(word);
            sink.token(word);
        });
        cancellation.onCancel(() -> vertx.cancelTimer(timer));
        return done.future();
    }
}
