package com.finlens.knowledge.testing;

import com.finlens.knowledge.document.DocumentRepository;
import com.finlens.knowledge.document.IngestJob;
import com.finlens.knowledge.document.IngestStatus;
import com.finlens.knowledge.document.KnowledgeDocument;
import com.finlens.knowledge.document.NewDocument;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The repository port over maps, for service and route tests; the Hibernate one has its own test against MariaDB. */
public final class InMemoryDocumentRepository implements DocumentRepository {

    private final Map<Long, KnowledgeDocument> documents = new ConcurrentHashMap<>();
    private final Map<Long, IngestJob> jobs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public synchronized Future<KnowledgeDocument> findOrCreate(NewDocument d, Instant now) {
        Optional<KnowledgeDocument> existing = documents.values().stream()
                .filter(doc -> doc.ownerId() == d.ownerId() && doc.dedupKey().equals(d.dedupKey())).findFirst();
        if (existing.isPresent()) {
            return Future.succeededFuture(existing.get());
        }
        KnowledgeDocument created = new KnowledgeDocument(ids.incrementAndGet(), d.ownerId(), d.title(),
                d.sourceKind(), d.sourceUrl(), d.dedupKey(), null, IngestStatus.queued, 0, null, null, d.metadataJson(),
                now, now);
        documents.put(created.id(), created);
        return Future.succeededFuture(created);
    }

    @Override
    public Future<Optional<KnowledgeDocument>> find(long ownerId, long documentId) {
        return Future.succeededFuture(Optional.ofNullable(documents.get(documentId)).filter(d -> d.ownerId() == ownerId));
    }

    @Override
    public Future<List<KnowledgeDocument>> list(long ownerId) {
        return Future.succeededFuture(documents.values().stream().filter(d -> d.ownerId() == ownerId)
                .sorted(Comparator.comparingLong(KnowledgeDocument::id).reversed()).toList());
    }

    @Override
    public Future<Void> save(KnowledgeDocument document) {
        documents.computeIfPresent(document.id(), (id, old) -> document);
        return Future.succeededFuture();
    }

    @Override
    public Future<IngestJob> createJob(long documentId, long ownerId, Instant now) {
        IngestJob job = new IngestJob(ids.incrementAndGet(), documentId, ownerId, IngestStatus.queued, 0, 0, null, now, now);
        jobs.put(job.id(), job);
        return Future.succeededFuture(job);
    }

    @Override
    public Future<Void> save(IngestJob job) {
        jobs.computeIfPresent(job.id(), (id, old) -> job);
        return Future.succeededFuture();
    }

    @Override
    public Future<Optional<IngestJob>> latestJob(long documentId) {
        return Future.succeededFuture(jobs.values().stream().filter(j -> j.documentId() == documentId)
                .max(Comparator.comparingLong(IngestJob::id)));
    }

    @Override
    public Future<java.util.Map<Long, IngestJob>> latestJobs(java.util.Collection<Long> documentIds) {
        java.util.Map<Long, IngestJob> latest = new java.util.HashMap<>();
        for (long id : documentIds) {
            latestJob(id).result().ifPresent(job -> latest.put(id, job));
        }
        return Future.succeededFuture(latest);
    }

    @Override
    public Future<Boolean> delete(long ownerId, long documentId) {
        KnowledgeDocument document = documents.get(documentId);
        if (document == null || document.ownerId() != ownerId) {
            return Future.succeededFuture(false);
        }
        documents.remove(documentId);
        jobs.values().removeIf(j -> j.documentId() == documentId);
        return Future.succeededFuture(true);
    }

    @Override
    public Future<Integer> deleteAllForOwner(long ownerId) {
        List<Long> owned = documents.values().stream().filter(d -> d.ownerId() == ownerId).map(KnowledgeDocument::id)
                .toList();
        owned.forEach(documents::remove);
        jobs.values().removeIf(j -> j.ownerId() == ownerId);
        return Future.succeededFuture(owned.size());
    }

    @Override
    public Future<Integer> failUnfinished(String reason, Instant now) {
        int count = 0;
        for (IngestJob job : List.copyOf(jobs.values())) {
            if (!job.status().finished()) {
                jobs.put(job.id(), job.failed(reason, now));
                documents.computeIfPresent(job.documentId(), (id, d) -> d.withStatus(IngestStatus.failed, reason, now));
                count++;
            }
        }
        return Future.succeededFuture(count);
    }
}
