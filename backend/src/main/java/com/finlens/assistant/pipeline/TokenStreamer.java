package com.finlens.assistant.pipeline;

import com.finlens.assistant.answer.AnswerSink;
import com.finlens.assistant.answer.Cancellation;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Streams text we wrote ourselves word by word, like a model: a token event per word, a few words per event-loop
 * turn so other requests interleave (one word per turn cost a turn and a network write per word; the words of a
 * turn go out in one write). Stops when the client goes away and returns what was sent.
 */
final class TokenStreamer {

    private static final Pattern WORD_START = Pattern.compile("(?<=\\s)(?=\\S)");

    private static final int WORDS_PER_TURN = 8;

    private TokenStreamer() {
    }

    static Future<String> stream(Vertx vertx, String text, AnswerSink sink, Cancellation cancellation) {
        List<String> words = List.of(WORD_START.split(text));
        Promise<String> sent = Promise.promise();
        Context context = vertx.getOrCreateContext();
        context.runOnContext(v -> next(context, words, 0, new StringBuilder(), sink, cancellation, sent));
        return sent.future();
    }

    private static void next(Context context, List<String> words, int index, StringBuilder sent, AnswerSink sink,
                             Cancellation cancellation, Promise<String> done) {
        if (index >= words.size() || cancellation.isCancelled()) {
            done.complete(sent.toString());
            return;
        }
        int next = index;
        do {
            String word = words.get(next++);
            sink.token(word);
            sent.append(word);
        } while (next < words.size() && next - index < WORDS_PER_TURN && !cancellation.isCancelled());
        int from = next;
        context.runOnContext(v -> next(context, words, from, sent, sink, cancellation, done));
    }
}
