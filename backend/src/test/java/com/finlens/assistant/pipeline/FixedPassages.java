package com.finlens.assistant.pipeline;

import io.vertx.core.Future;
import java.util.List;

/** A retriever that always finds the same passages (a stand-in for the knowledge feature). */
final class FixedPassages implements PassageRetriever {

    private final List<EvidencePassage> passages;

    FixedPassages(List<EvidencePassage> passages) {
        this.passages = passages;
    }

    @Override
    public Future<List<EvidencePassage>> search(long userId, String query, int k) {
        return Future.succeededFuture(passages.subList(0, Math.min(k, passages.size())));
    }
}
