package com.finlens.knowledge;

import com.finlens.knowledge.document.IngestJob;
import com.finlens.knowledge.document.KnowledgeDocument;
import java.util.Optional;

/** A document with its latest ingestion job (progress counts while it runs). */
public record DocumentStatus(KnowledgeDocument document, Optional<IngestJob> job) {
}
