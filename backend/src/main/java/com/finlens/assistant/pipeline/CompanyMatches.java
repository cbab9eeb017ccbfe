package com.finlens.assistant.pipeline;

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

    /** A mention such as "현대" that fits more than one company. */
    public record Ambiguity(String mention, List<CompanyRef> candidates) {

        public Ambiguity {
            candidates = List.copyOf(candidates);
        }
    }
}
