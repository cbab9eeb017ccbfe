package com.finlens.knowledge.document;

import com.finlens.platform.db.Futures;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Documents and jobs in MySQL/MariaDB through Hibernate Reactive (event loop only). Register {@link DocumentRow}
 * and {@link JobRow} with the session factory; the tables come from {@code V30__knowledge.sql}.
 */
public final class HibernateDocumentRepository implements DocumentRepository {

    public static final List<Class<?>> ENTITIES = List.of(DocumentRow.class, JobRow.class);
    private static final int MAX_LISTED = 500;

    private final Mutiny.SessionFactory sessions;

    public HibernateDocumentRepository(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Future<KnowledgeDocument> findOrCreate(NewDocument document, Instant now) {
        return findByKey(document).compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
                : insert(document, now)
                        // Two identical uploads at once: the unique key lets one insert win; the other reads it.
                        .recover(e -> findByKey(document).compose(again -> again.map(Future::succeededFuture)
                                .orElseGet(() -> Future.failedFuture(e)))));
    }

    private Future<Optional<KnowledgeDocument>> findByKey(NewDocument document) {
        return Futures.toFuture(sessions.withSession(s -> s
                        .createSelectionQuery("from DocumentRow where ownerUserId = :owner and dedupKey = :key",
                                DocumentRow.class)
                        .setParameter("owner", document.ownerId())
                        .setParameter("key", document.dedupKey())
                        .getSingleResultOrNull()))
                .map(row -> Optional.ofNullable(row).map(DocumentRow::toRecord));
    }

    private Future<KnowledgeDocument> insert(NewDocument document, Instant now) {
        DocumentRow row = new DocumentRow(document, now);
        return Futures.toFuture(sessions.withTransaction(s -> s.persist(row).replaceWith(row)))
                .map(DocumentRow::toRecord);
    }

    @Override
    public Future<Optional<KnowledgeDocument>> find(long ownerId, long documentId) {
        return Futures.toFuture(sessions.withSession(s -> s
                        .createSelectionQuery("from DocumentRow where id = :id and ownerUserId = :owner", DocumentRow.class)
                        .setParameter("id", documentId)
                        .setParameter("owner", ownerId)
                        .getSingleResultOrNull()))
                .map(row -> Optional.ofNullable(row).map(DocumentRow::toRecord));
    }

    @Override
    public Future<List<KnowledgeDocument>> list(long ownerId) {
        return Futures.toFuture(sessions.withSession(s -> s
                        .createSelectionQuery("from DocumentRow where ownerUserId = :owner order by id desc",
                                DocumentRow.class)
                        .setParameter("owner", ownerId)
                        .setMaxResults(MAX_LISTED)
                        .getResultList()))
                .map(rows -> rows.stream().map(DocumentRow::toRecord).toList());
    }

    @Override
    public Future<Void> save(KnowledgeDocument document) {
        return Futures.toFuture(sessions.withTransaction(s -> s.find(DocumentRow.class, document.id())
                .invoke(row -> {
                    if (row != null) {
                        row.update(document);
                    }
                }))).mapEmpty();
    }

    @Override
    public Future<IngestJob> createJob(long documentId, long ownerId, Instant now) {
        JobRow row = new JobRow(documentId, ownerId, now);
        return Futures.toFuture(sessions.withTransaction(s -> s.persist(row).replaceWith(row))).map(JobRow::toRecord);
    }

    @Override
    public Future<Void> save(IngestJob job) {
        return Futures.toFuture(sessions.withTransaction(s -> s.find(JobRow.class, job.id())
                .invoke(row -> {
                    if (row != null) {
                        row.update(job);
                    }
                }))).mapEmpty();
    }

    @Override
    public Future<Optional<IngestJob>> latestJob(long documentId) {
        return Futures.toFuture(sessions.withSession(s -> s
                        .createSelectionQuery("from JobRow where documentId = :document order by id desc", JobRow.class)
                        .setParameter("document", documentId)
                        .setMaxResults(1)
                        .getResultList()))
                .map(rows -> rows.stream().findFirst().map(JobRow::toRecord));
    }

    @Override
    public Future<Map<Long, IngestJob>> latestJobs(Collection<Long> documentIds) {
        if (documentIds.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        return Futures.toFuture(sessions.withSession(s -> s
                        .createSelectionQuery("from JobRow j where j.documentId in :documents and j.id ="
                                + " (select max(k.id) from JobRow k where k.documentId = j.documentId)", JobRow.class)
                        .setParameter("documents", List.copyOf(documentIds))
                        .getResultList()))
                .map(rows -> rows.stream().map(JobRow::toRecord)
                        .collect(Collectors.toMap(IngestJob::documentId, job -> job)));
    }

    @Override
    public Future<Boolean> delete(long ownerId, long documentId) {
        return Futures.toFuture(sessions.withTransaction(s -> s
                .createMutationQuery("delete from DocumentRow where id = :id and ownerUserId = :owner")
                .setParameter("id", documentId)
                .setParameter("owner", ownerId)
                .executeUpdate())).map(n -> n > 0);
    }

    @Override
    public Future<Integer> deleteAllForOwner(long ownerId) {
        return Futures.toFuture(sessions.withTransaction(s -> s
                .createMutationQuery("delete from DocumentRow where ownerUserId = :owner")
                .setParameter("owner", ownerId)
                .executeUpdate()));
    }

    @Override
    public Future<Integer> failUnfinished(String reason, Instant now) {
        List<IngestStatus> unfinished = List.of(IngestStatus.queued, IngestStatus.running);
        return Futures.toFuture(sessions.withTransaction(s -> s
                .createMutationQuery("update DocumentRow set status = :failed, error = :reason, updatedAt = :now"
                        + " where status in :unfinished")
                .setParameter("failed", IngestStatus.failed)
                .setParameter("reason", reason)
                .setParameter("now", now)
                .setParameter("unfinished", unfinished)
                .executeUpdate()
                .chain(() -> s.createMutationQuery("update JobRow set status = :failed, error = :reason,"
                                + " updatedAt = :now where status in :unfinished")
                        .setParameter("failed", IngestStatus.failed)
                        .setParameter("reason", reason)
                        .setParameter("now", now)
                        .setParameter("unfinished", unfinished)
                        .executeUpdate())));
    }
}
