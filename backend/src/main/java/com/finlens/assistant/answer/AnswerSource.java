package com.finlens.assistant.answer;

import io.vertx.core.Future;

/**
 * Produces one answer to a question, streaming progress into a sink. The conversation service persists what
 * passes through the sink, so an implementation never touches the database of messages.
 */
public interface AnswerSource {

    /**
     * Streams an answer. The returned future completes with the outcome once the answer is finished, or fails
     * (with an {@code ApiException} for expected failures). When {@code cancellation} fires (the client went away)
     * the implementation stops upstream work promptly and completes with what it has.
     */
    Future<AnswerOutcome> answer(Question question, AnswerSink sink, Cancellation cancellation);
}
