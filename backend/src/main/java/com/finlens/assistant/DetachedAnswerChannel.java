package com.finlens.assistant;

import com.finlens.assistant.answer.AnswerChannel;
import com.finlens.assistant.answer.AnswerEvent;

/**
 * An answer nobody watches live: the question came from a plain form (JavaScript off), the browser was already
 * redirected to the conversation, and the answer is stored as it streams, so it appears on reload.
 */
final class DetachedAnswerChannel implements AnswerChannel {

    @Override
    public void emit(AnswerEvent event) {
        // Nobody is listening; ConversationService stores what matters.
    }

    @Override
    public void onClientGone(Runnable action) {
        // There is no client to go away: the answer always runs to its end.
    }

    @Override
    public void end() {
        // Nothing to close.
    }
}
