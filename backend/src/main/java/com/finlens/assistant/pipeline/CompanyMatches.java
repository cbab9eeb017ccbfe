package com.finlens.assistant.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The companies a question mentions: the ones that resolved to one company, and the mentions that could mean
 * several (the user picks; the pipeline never guesses).
 */
public record CompanyMatches(List<CompanyRef> companies, List<Ambiguity> ambiguities) {

    public static final CompanyMatches NONE = new CompanyMatches(List.of(), List.of());

    public CompanyMatches {
        companies = List.copyOf(companies);
        ambiguities = List.copyOf(ambiguities);
    }

    /**
     * The matches after the user picked a company from a choose-company event: an ambiguity whose candidates
     * include {@code companyKey} resolves to that candidate. Without a key, or a key none of them has, unchanged.
     */
    public CompanyMatches choosing(String companyKey) {
        if (companyKey == null || ambiguities.isEmpty()) {
            return this;
        }
        List<CompanyRef> chosen = new ArrayList<>(companies);
        List<Ambiguity> open = new ArrayList<>();
        for (Ambiguity a : ambiguities) {
            a.candidates().stream().filter(c -> companyKey.equals(c.key())).findFirst()
                    .ifPresentOrElse(chosen::add, () -> open.add(a));
        }
        return new CompanyMatches(chosen, open);
    }

    /** A mention such as "현대" that fits more than one company. */
    public record Ambiguity(String mention, List<CompanyRef> candidates) {

        public Ambiguity {
            candidates = List.copyOf(candidates);
        }
    }
}
