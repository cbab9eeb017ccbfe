package com.finlens.knowledge.document;

import java.time.Instant;

/** One ingestion run of a document, with progress that a reloaded page can read back. */
public record IngestJob(long id, long documentId, long ownerId, IngestStatus status, int chunksTotal,
                        int chunksIndexed, String error, Instant createdAt, Instant updatedAt) {

    public IngestJob running(int total, int indexed, Instant now) {
        return new IngestJob(id, documentId, ownerId, IngestStatus.running, total, indexed, null, createdAt, now);
    }

    public IngestJob done(int total, Instant now) {
        return new IngestJob(id, documentId, ownerId, IngestStatus.done, total, total, null, createdAt, now);
    }

    public IngestJob failed(String reason, Instant now) {
        return new IngestJob(id, documentId, ownerId, IngestStatus.failed, chunksTotal, chunksIndexed, reason,
                createdAt, now);
    }
}
