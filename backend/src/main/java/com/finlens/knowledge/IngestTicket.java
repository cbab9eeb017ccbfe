package com.finlens.knowledge;

import com.finlens.knowledge.document.IngestJob;
import com.finlens.knowledge.document.KnowledgeDocument;

/** What an ingestion request returns at once: the document and the job that will fill it. */
public record IngestTicket(KnowledgeDocument document, IngestJob job) {
}
