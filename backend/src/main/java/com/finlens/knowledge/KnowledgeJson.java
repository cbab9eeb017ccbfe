package com.finlens.knowledge;

import com.finlens.knowledge.document.IngestJob;
import com.finlens.knowledge.document.KnowledgeDocument;
import io.vertx.core.json.JsonObject;

/** The API's JSON shapes for documents, jobs and passages (see openapi/knowledge.json). */
final class KnowledgeJson {

    static final String DOCUMENTS_PATH = "/api/v1/knowledge/documents/";

    private KnowledgeJson() {
    }

    static JsonObject document(KnowledgeDocument d) {
        return new JsonObject()
                .put("id", d.id())
                .put("title", d.title())
                .put("source", d.sourceKind().name())
                .put("sourceUrl", d.sourceUrl())
                .put("status", d.status().name())
                .put("chunks", d.chunkCount())
                .put("error", d.error())
                .put("shared", d.shared())
                .put("createdAt", d.createdAt().toString())
                .put("updatedAt", d.updatedAt().toString())
                .put("href", DOCUMENTS_PATH + d.id());
    }

    static JsonObject job(IngestJob j) {
        return new JsonObject()
                .put("id", j.id())
                .put("status", j.status().name())
                .put("chunksTotal", j.chunksTotal())
                .put("chunksIndexed", j.chunksIndexed())
                .put("error", j.error())
                .put("updatedAt", j.updatedAt().toString());
    }

    static JsonObject status(DocumentStatus status) {
        JsonObject json = document(status.document());
        status.job().ifPresent(job -> json.put("job", job(job)));
        return json;
    }

    static JsonObject ticket(IngestTicket ticket) {
        return document(ticket.document()).put("job", job(ticket.job()));
    }

    static JsonObject passage(DocumentPassage p) {
        return p.toJson().put("documentHref", DOCUMENTS_PATH + p.documentId());
    }
}
