package com.finlens.knowledge.document;

import java.time.Instant;

/**
 * A document in the knowledge base. {@code ownerId} is the user, or 0 for the shared corpus. {@code dedupKey}
 * makes re-ingesting idempotent: the hash of the uploaded content, or of the URL for fetched pages, so the same
 * upload or URL always lands on the same document. {@code contentHash} is the hash of the extracted text that is
 * currently indexed; an unchanged hash means nothing needs re-indexing.
 */
public record KnowledgeDocument(long id, long ownerId, String title, SourceKind sourceKind, String sourceUrl,
                                String dedupKey, String contentHash, IngestStatus status, int chunkCount,
                                String embeddingModel, String error, String metadataJson, Instant createdAt,
                                Instant updatedAt) {

    /** How a document came in. */
    public enum SourceKind { text, file, url, shared }

    public boolean shared() {
        return ownerId == 0;
    }

    public KnowledgeDocument withStatus(IngestStatus newStatus, String newError, Instant now) {
        return new KnowledgeDocument(id, ownerId, title, sourceKind, sourceUrl, dedupKey, contentHash, newStatus,
                chunkCount, embeddingModel, newError, metadataJson, createdAt, now);
    }

    public KnowledgeDocument indexed(String newTitle, String newContentHash, int newChunkCount, String model,
                                     Instant now) {
        return new KnowledgeDocument(id, ownerId, newTitle, sourceKind, sourceUrl, dedupKey, newContentHash,
                IngestStatus.done, newChunkCount, model, null, metadataJson, createdAt, now);
    }
}
