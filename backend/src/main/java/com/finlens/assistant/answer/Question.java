package com.finlens.assistant.answer;

import java.util.List;

/**
 * What the user asked, with the conversation so far and optional page context from the extension.
 * {@code pageContext} is untrusted data: it is quoted to a model, never followed as instructions.
 * {@code companyKey} is the company the user picked after a choose-company event (null otherwise).
 * {@code mode} is what the client asked for: an answer, or a check of the claim that {@code text} states.
 */
public record Question(long userId, long conversationId, String text, List<Turn> history, PageContext pageContext,
                       String companyKey, Mode mode) {

    /** What a question asks of the assistant; the client says so explicitly, nothing is guessed from the wording. */
    public enum Mode {
        ANSWER("answer"), CLAIM_CHECK("claim-check");

        private final String wire;

        Mode(String wire) {
            this.wire = wire;
        }

        /** The value of the ask body's {@code mode} member. */
        public String wire() {
            return wire;
        }
    }

    public Question {
        history = List.copyOf(history);
        mode = mode == null ? Mode.ANSWER : mode;
    }

    /** An ordinary question, with the company the user picked (or null). */
    public Question(long userId, long conversationId, String text, List<Turn> history, PageContext pageContext,
                    String companyKey) {
        this(userId, conversationId, text, history, pageContext, companyKey, Mode.ANSWER);
    }

    /** An ordinary question with no company chosen yet. */
    public Question(long userId, long conversationId, String text, List<Turn> history, PageContext pageContext) {
        this(userId, conversationId, text, history, pageContext, null, Mode.ANSWER);
    }

    public boolean claimCheck() {
        return mode == Mode.CLAIM_CHECK;
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
