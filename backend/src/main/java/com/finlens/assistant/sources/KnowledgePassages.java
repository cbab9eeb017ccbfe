package com.finlens.assistant.sources;

import com.finlens.assistant.pipeline.EvidencePassage;
import com.finlens.assistant.pipeline.PassageRetriever;
import com.finlens.knowledge.KnowledgeService;
import io.vertx.core.Future;
import java.util.List;

/** The assistant's view of retrieval: the knowledge feature's scoped hybrid search. */
public final class KnowledgePassages implements PassageRetriever {

    private final KnowledgeService knowledge;

    public KnowledgePassages(KnowledgeService knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public Future<List<EvidencePassage>> search(long userId, String query, int k) {
        String bounded = query.length() > KnowledgeService.MAX_QUERY_CHARS
                ? query.substring(0, KnowledgeService.MAX_QUERY_CHARS) : query;
        // the knowledge feature keeps only passages about the query (Relevance); each says whose it is
        return knowledge.search(userId, bounded, k).map(hits -> hits.stream()
                .map(h -> new EvidencePassage(Long.toString(h.documentId()), h.title(), "chunk " + (h.position() + 1),
                        h.sourceUrl(), h.text(), h.score(), h.shared()))
                .toList());
    }
}
