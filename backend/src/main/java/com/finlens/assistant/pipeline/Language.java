package com.finlens.assistant.pipeline;

/** The language an answer is written in: the user's, decided by the share of Hangul among the letters. */
public enum Language {
    KO, EN;

    /** Korean when at least 30% of the letters are Hangul, so "삼성전자 revenue?" is still Korean. */
    public static Language of(String text) {
        int hangul = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isHangul(c)) {
                hangul++;
                letters++;
            } else if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters > 0 && hangul * 10 >= letters * 3 ? KO : EN;
    }

    private static boolean isHangul(char c) {
        return (c >= '\uAC00' && c <= '\uD7A3') || (c >= '\u1100' && c <= '\u11FF') || (c >= '\u3130' && c <= '\u318F');
    }
}
