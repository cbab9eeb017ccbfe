package com.finlens.knowledge.document;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Documents and ingestion jobs. Reads take the owner so another user's document is simply not found. Calls are
 * made from the event loop (Hibernate Reactive binds sessions to it).
 */
public interface DocumentRepository {

    /** The owner's document with this dedup key, created as queued when there is none. */
    Future<KnowledgeDocument> findOrCreate(NewDocument document, Instant now);

    Future<Optional<KnowledgeDocument>> find(long ownerId, long documentId);

    /** The owner's documents, newest first. */
    Future<List<KnowledgeDocument>> list(long ownerId);

    Future<Void> save(KnowledgeDocument document);

    Future<IngestJob> createJob(long documentId, long ownerId, Instant now);

    Future<Void> save(IngestJob job);

    /** The most recent job of a document, if any. */
    Future<Optional<IngestJob>> latestJob(long documentId);

    /** The most recent job of each of these documents (one query), by document id; documents without jobs are absent. */
    Future<java.util.Map<Long, IngestJob>> latestJobs(java.util.Collection<Long> documentIds);

    /** Deletes the owner's document and its jobs; false when the owner has no such document. */
    Future<Boolean> delete(long ownerId, long documentId);

    /** Deletes all of an owner's documents and jobs; returns how many documents went. */
    Future<Integer> deleteAllForOwner(long ownerId);

    /** Marks jobs a restart interrupted (queued or running) as failed, with their documents; returns the count. */
    Future<Integer> failUnfinished(String reason, Instant now);
}
