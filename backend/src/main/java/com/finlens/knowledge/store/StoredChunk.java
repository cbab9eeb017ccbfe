package com.finlens.knowledge.store;

import com.finlens.knowledge.embedding.EmbeddingException;
import com.finlens.knowledge.embedding.EmbeddingSpace;
import io.vertx.core.Future;
import java.util.List;
import java.util.Objects;

/**
 * A chunk as a store keeps it: text plus its embedding, tagged with the model that made it. {@code ownerId} is
 * the user who owns the document, or {@link #SHARED_OWNER} for corpora every user may read (e.g. DART filings).
 */
public record StoredChunk(String chunkId, long documentId, long ownerId, String title, String text, int position,
                          String sourceUrl, String embeddingModel, float[] vector) {

    public static final long SHARED_OWNER = 0L;

    public StoredChunk {
        Objects.requireNonNull(chunkId, "chunkId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(embeddingModel, "embeddingModel");
        Objects.requireNonNull(vector, "vector");
        if (ownerId < 0) {
            throw new IllegalArgumentException("ownerId must be a user id or SHARED_OWNER");
        }
        title = title == null ? "" : title;
    }

    /** The id every chunk of a document gets at a position: re-ingesting the same content overwrites, never duplicates. */
    public static String idFor(long documentId, int position) {
        return documentId + "-" + position;
    }

    /** Every chunk's vector belongs to {@code space}; a failed future naming the mismatch otherwise. */
    public static Future<Void> checkSpace(EmbeddingSpace space, List<StoredChunk> chunks) {
        try {
            chunks.forEach(chunk -> space.check(chunk.embeddingModel(), chunk.vector()));
            return Future.succeededFuture();
        } catch (EmbeddingException e) {
            return Future.failedFuture(e);
        }
    }
}
