package com.finlens.assistant.answer;

/**
 * The client end of one answer, as the conversation route opens it: events go out in order, {@link #end()} closes
 * the stream, and {@link #onClientGone} runs when the client disconnects before the end.
 */
public interface AnswerChannel extends AnswerSink {

    void onClientGone(Runnable action);

    void end();
}
