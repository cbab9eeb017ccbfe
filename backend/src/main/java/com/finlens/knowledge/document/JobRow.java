package com.finlens.knowledge.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The table row of an {@link IngestJob}; only {@link HibernateDocumentRepository} sees it. */
@Entity
@Table(name = "knowledge_ingest_jobs")
public class JobRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "document_id", nullable = false)
    private long documentId;

    @Column(name = "owner_user_id", nullable = false)
    private long ownerUserId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "status", nullable = false, length = 16)
    private IngestStatus status;

    @Column(name = "chunks_total", nullable = false)
    private int chunksTotal;

    @Column(name = "chunks_indexed", nullable = false)
    private int chunksIndexed;

    @Column(name = "error", length = 500)
    private String error;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected JobRow() {
    }

    JobRow(long documentId, long ownerUserId, Instant now) {
        this.documentId = documentId;
        this.ownerUserId = ownerUserId;
        this.status = IngestStatus.queued;
        this.createdAt = now;
        this.updatedAt = now;
    }

    IngestJob toRecord() {
        return new IngestJob(id, documentId, ownerUserId, status, chunksTotal, chunksIndexed, error, createdAt, updatedAt);
    }

    void update(IngestJob job) {
        this.status = job.status();
        this.chunksTotal = job.chunksTotal();
        this.chunksIndexed = job.chunksIndexed();
        this.error = DocumentRow.truncate(job.error());
        this.updatedAt = job.updatedAt();
    }
}
