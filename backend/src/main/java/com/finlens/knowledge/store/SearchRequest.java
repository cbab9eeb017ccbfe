package com.finlens.knowledge.store;

import java.util.Objects;
import java.util.Set;

/**
 * One query against a store. {@code userId} is mandatory: a store only ever returns that user's private chunks
 * plus, when {@code includeShared}, the shared corpus. {@code documentIds}, when not empty, narrows the search
 * to those documents. {@code vector} may be null for keyword-only searches.
 */
public record SearchRequest(long userId, String text, float[] vector, int k, SearchMode mode, boolean includeShared,
                            Set<Long> documentIds) {

    public static final int MAX_K = 100;

    public SearchRequest {
        if (userId <= 0) {
            throw new IllegalArgumentException("a search must be scoped to a signed-in user");
        }
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(mode, "mode");
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("k must be between 1 and " + MAX_K);
        }
        if (mode != SearchMode.KEYWORD && vector == null) {
            throw new IllegalArgumentException(mode + " search needs a query vector");
        }
        documentIds = documentIds == null ? Set.of() : Set.copyOf(documentIds);
    }

    public static SearchRequest hybrid(long userId, String text, float[] vector, int k) {
        return new SearchRequest(userId, text, vector, k, SearchMode.HYBRID, true, Set.of());
    }

    public SearchRequest onlyDocuments(Set<Long> ids) {
        return new SearchRequest(userId, text, vector, k, mode, includeShared, ids);
    }

    public SearchRequest withoutShared() {
        return new SearchRequest(userId, text, vector, k, mode, false, documentIds);
    }
}
