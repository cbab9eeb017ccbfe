package com.finlens.market;

import java.util.List;

/**
 * The answer to "which company does this text mean?". {@code best} is null when nothing matched;
 * {@code ambiguous} means the caller should ask the user to choose among {@code best} and the alternatives.
 */
public record Resolution(String query, Candidate best, List<Candidate> alternatives, boolean ambiguous) {

    /** One candidate with a score in [0, 1] and how it matched (code, symbol, name, alias, prefix, fuzzy). */
    public record Candidate(MarketCompany company, double score, String matchedBy, String matchedText) {
    }

    public static Resolution none(String query) {
        return new Resolution(query, null, List.of(), false);
    }

    public boolean found() {
        return best != null;
    }
}
