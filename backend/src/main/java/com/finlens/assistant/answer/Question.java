package com.finlens.assistant.answer;

import java.util.List;

/**
 * What the user asked, with the conversation so far and optional page context from the extension.
 * {@code pageContext} is untrusted data: it is quoted to a model, never followed as instructions.
 * {@code companyKey} is the company the user picked after a choose-company event (null otherwise).
 */
public record Question(long userId, long conversationId, String text, List<Turn> history, PageContext pageContext,
                       String companyKey) {

    public Question {
        history = List.copyOf(history);
    }

    /** A question with no company chosen yet. */
    public Question(long userId, long conversationId, String text, List<Turn> history, PageContext pageContext) {
        this(userId, conversationId, text, history, pageContext, null);
    }

    /** An earlier message of the conversation. role is "user" or "assistant". */
    public record Turn(String role, String content) {
    }

    /** What the extension sent along, after the user saw it. Any field may be null. */
    public record PageContext(String selection, String title, String url) {

        public boolean isEmpty() {
            return isBlank(selection) && isBlank(title) && isBlank(url);
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }
    }
}
