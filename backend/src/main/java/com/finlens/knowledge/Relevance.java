package com.finlens.knowledge;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a retrieved passage is about the query. Hybrid search always returns its k nearest chunks, related or
 * not (the in-jar vector model knows no Korean, and a nonsense query still has nearest neighbours), so a passage
 * counts only when it contains enough of the query's content words: at least {@value #MIN_TERMS} of them when the
 * query has that many, and at least {@value #MIN_SHARE} of them. Tuned on the TAT-QA slice and Korean cases
 * ({@code RelevanceTest} prints the precision).
 */
public final class Relevance {

    static final int MIN_TERMS = 2;
    static final double MIN_SHARE = 0.4;

    private static final Set<String> STOP = Set.of("the", "and", "for", "how", "what", "did", "does", "was", "were",
            "are", "last", "year", "with", "from", "about", "tell", "show", "this", "that", "which", "when", "why",
            "much", "many", "between", "its", "their", "has", "have", "had", "been", "during", "value", "total",
            "알려", "얼마", "보여", "해줘", "무엇", "어떻", "최근", "관련", "대해", "어느", "있나", "뭐야", "정리");

    private Relevance() {
    }

    /** True when {@code passage} (its title and text) is about {@code query}. */
    public static boolean about(String query, String passage) {
        Set<String> terms = terms(query);
        if (terms.isEmpty()) {
            return false;
        }
        String text = passage.toLowerCase(Locale.ROOT);
        long shared = terms.stream().filter(text::contains).count();
        return shared >= Math.min(MIN_TERMS, terms.size()) && shared >= MIN_SHARE * terms.size();
    }

    /** The content words of a query: numbers of 3+ digits, English words of 3+ letters, Korean stems. */
    public static Set<String> terms(String query) {
        Set<String> terms = new HashSet<>();
        for (String word : query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && Character.isDigit(word.charAt(0))) {
                String digits = word.replaceAll("\\D.*", "");
                if (digits.length() >= 3) {
                    terms.add(digits);
                }
                continue;
            }
            boolean hangul = word.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
            // Korean words carry particles (삼성전자의, 공시와): compare their first two syllables.
            String stem = hangul && word.length() > 2 ? word.substring(0, 2) : word;
            boolean kept = hangul ? stem.length() >= 2 : word.length() >= 3;
            if (kept && !STOP.contains(stem)) {
                terms.add(stem);
            }
        }
        return terms;
    }

    /** The passages of {@code hits} that are about {@code query}, in their order. */
    public static List<DocumentPassage> filter(String query, List<DocumentPassage> hits) {
        return hits.stream().filter(h -> about(query, h.title() + " " + h.text())).toList();
    }
}
