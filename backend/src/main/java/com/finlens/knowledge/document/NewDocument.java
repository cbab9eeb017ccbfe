package com.finlens.knowledge.document;

/** What is known about a document when its ingestion is requested. */
public record NewDocument(long ownerId, String title, KnowledgeDocument.SourceKind sourceKind, String sourceUrl,
                          String dedupKey, String metadataJson) {
}
