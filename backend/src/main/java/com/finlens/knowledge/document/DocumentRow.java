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

/** The table row of a {@link KnowledgeDocument}; only {@link HibernateDocumentRepository} sees it. */
@Entity
@Table(name = "knowledge_documents")
public class DocumentRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_user_id", nullable = false)
    private long ownerUserId;

    @Column(name = "title", nullable = false, length = 300)
    private String title;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "source_kind", nullable = false, length = 16)
    private KnowledgeDocument.SourceKind sourceKind;

    @Column(name = "source_url", length = 2048)
    private String sourceUrl;

    @Column(name = "dedup_key", nullable = false, length = 80)
    private String dedupKey;

    @Column(name = "content_hash", columnDefinition = "char(64)")
    private String contentHash;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "status", nullable = false, length = 16)
    private IngestStatus status;

    @Column(name = "chunk_count", nullable = false)
    private int chunkCount;

    @Column(name = "embedding_model", length = 200)
    private String embeddingModel;

    @Column(name = "error", length = 500)
    private String error;

    @Column(name = "metadata", columnDefinition = "mediumtext")
    private String metadata;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected DocumentRow() {
    }

    DocumentRow(NewDocument d, Instant now) {
        this.ownerUserId = d.ownerId();
        this.title = d.title();
        this.sourceKind = d.sourceKind();
        this.sourceUrl = d.sourceUrl();
        this.dedupKey = d.dedupKey();
        this.status = IngestStatus.queued;
        this.metadata = d.metadataJson();
        this.createdAt = now;
        this.updatedAt = now;
    }

    KnowledgeDocument toRecord() {
        return new KnowledgeDocument(id, ownerUserId, title, sourceKind, sourceUrl, dedupKey, contentHash, status,
                chunkCount, embeddingModel, error, metadata, createdAt, updatedAt);
    }

    void update(KnowledgeDocument d) {
        this.title = d.title();
        this.contentHash = d.contentHash();
        this.status = d.status();
        this.chunkCount = d.chunkCount();
        this.embeddingModel = d.embeddingModel();
        this.error = truncate(d.error());
        this.updatedAt = d.updatedAt();
    }

    static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}
