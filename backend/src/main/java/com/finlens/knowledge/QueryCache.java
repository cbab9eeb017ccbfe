package com.finlens.knowledge;

import com.finlens.platform.cache.ExpiringCache;
import io.vertx.core.Future;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Query embeddings and search results kept in memory, so a question asked again (the same user, or the same text
 * embedded for anyone) costs no model inference or index search. Results are keyed by the index generation: every
 * write through {@link #writing} starts a new one, so a new upload, re-index or deletion is seen by the next search
 * on this replica. A store shared by replicas (Weaviate) is written by others too: for it {@code ttl} is the bound
 * on how long another replica's change may go unseen.
 */
public final class QueryCache {

    /** Embeddings depend only on the text and the model (fixed for the process), so they may live long. */
    private static final Duration VECTOR_TTL = Duration.ofHours(1);
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final AtomicLong generation = new AtomicLong();
    private final ExpiringCache<String, float[]> vectors;
    private final ExpiringCache<Key, Found> results;

    /** What one search found; a keyword-only fallback (embedder down) is not kept. */
    record Found(List<DocumentPassage> passages, boolean degraded) {
    }

    private record Key(long userId, String text, int k, long generation) {
    }

    public QueryCache(Duration ttl, int entries) {
        boolean enabled = !ttl.isZero() && entries > 0;
        this.vectors = new ExpiringCache<>(enabled ? VECTOR_TTL : Duration.ZERO, Math.max(1, entries));
        this.results = new ExpiringCache<>(ttl, Math.max(1, entries));
    }

    /** The text a search runs on and is cached under: trimmed, Unicode NFC, runs of white space as one space. */
    static String normalize(String query) {
        return SPACES.matcher(Normalizer.normalize(query.strip(), Normalizer.Form.NFC)).replaceAll(" ");
    }

    /** The embedding of {@code text}, computed once; each caller gets its own copy of the vector. */
    Future<float[]> vector(String text, Supplier<Future<float[]>> embed) {
        return vectors.get(text, embed).map(float[]::clone);
    }

    Future<List<DocumentPassage>> results(long userId, String text, int k, Supplier<Future<Found>> search) {
        return results.get(new Key(userId, text, k, generation.get()), search, found -> !found.degraded())
                .map(Found::passages);
    }

    /**
     * Marks a write to the index: once it has finished (even failed: part of it may have been committed), searches
     * start from a new generation. The generation changes before the write's future completes, so whoever waits
     * for the write (an ingestion job marking itself done) already searches the new index.
     */
    <T> Future<T> writing(Future<T> write) {
        return write.andThen(done -> generation.incrementAndGet());
    }
}
