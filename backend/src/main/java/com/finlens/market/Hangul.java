package com.finlens.market;

import java.util.Locale;
import java.util.regex.Pattern;

/** Hangul helpers: syllables split into jamo so that one wrong vowel costs one edit, not a whole syllable. */
public final class Hangul {

    private static final int SYLLABLE_FIRST = 0xAC00;
    private static final int SYLLABLE_LAST = 0xD7A3;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.,&'’\\-_/()·]+");
    private static final Pattern LEGAL_FORMS = Pattern.compile("\\b(co|ltd|inc|corp|corporation|limited|company|plc|the)\\b");

    private Hangul() {
    }

    public static boolean isSyllable(char c) {
        return c >= SYLLABLE_FIRST && c <= SYLLABLE_LAST;
    }

    public static boolean containsHangul(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (isSyllable(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Lower-cases Latin letters and splits each Hangul syllable into its 2 or 3 jamo. */
    public static String jamo(String s) {
        StringBuilder out = new StringBuilder(s.length() * 3);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSyllable(c)) {
                int index = c - SYLLABLE_FIRST;
                out.append((char) (0x1100 + index / (21 * 28)));
                out.append((char) (0x1161 + (index % (21 * 28)) / 28));
                int tail = index % 28;
                if (tail != 0) {
                    out.append((char) (0x11A7 + tail));
                }
            } else {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    /** Levenshtein distance, with an early exit once it exceeds {@code limit}. */
    public static int editDistance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * The comparable form of a company name: lower case, no spaces or punctuation, no legal-form words
     * ((주), 주식회사, Co., Ltd., Inc., Corp.).
     */
    public static String normalize(String name) {
        String lower = name.toLowerCase(Locale.ROOT)
                .replace("(주)", " ").replace("㈜", " ").replace("주식회사", " ");
        String s = LEGAL_FORMS.matcher(SEPARATORS.matcher(lower).replaceAll(" ")).replaceAll(" ");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
