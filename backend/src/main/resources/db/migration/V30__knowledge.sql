-- Knowledge base: documents (private per user, or shared with owner_user_id = 0) and their ingestion jobs.
-- Chunks and vectors live in the vector store (Lucene or Weaviate), keyed by document id. utf8mb4 (Korean titles).
-- No foreign key to users: shared documents have owner 0, and account deletion calls the knowledge service,
-- which removes the chunks from the vector store as well as these rows.

CREATE TABLE knowledge_documents (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    owner_user_id    BIGINT        NOT NULL,
    title            VARCHAR(300)  NOT NULL,
    -- text | file | url | shared
    source_kind      VARCHAR(16)   NOT NULL,
    source_url       VARCHAR(2048) NULL,
    -- SHA-256 of the upload (or of the URL): the same upload or URL lands on the same document.
    dedup_key        VARCHAR(80)   NOT NULL,
    -- SHA-256 of the indexed text; unchanged text is not re-indexed.
    content_hash     CHAR(64)      NULL,
    -- queued | running | done | failed
    status           VARCHAR(16)   NOT NULL,
    chunk_count      INT           NOT NULL DEFAULT 0,
    embedding_model  VARCHAR(200)  NULL,
    error            VARCHAR(500)  NULL,
    -- JSON, e.g. DART corp code and receipt number for shared disclosures.
    metadata         MEDIUMTEXT    NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_knowledge_documents_owner_dedup (owner_user_id, dedup_key),
    KEY ix_knowledge_documents_owner_updated (owner_user_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE knowledge_ingest_jobs (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    document_id      BIGINT        NOT NULL,
    owner_user_id    BIGINT        NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    chunks_total     INT           NOT NULL DEFAULT 0,
    chunks_indexed   INT           NOT NULL DEFAULT 0,
    error            VARCHAR(500)  NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_knowledge_ingest_jobs_document (document_id, id),
    KEY ix_knowledge_ingest_jobs_status (status),
    CONSTRAINT fk_knowledge_ingest_jobs_document FOREIGN KEY (document_id) REFERENCES knowledge_documents (id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
