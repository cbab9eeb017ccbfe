package com.finlens.assistant.pipeline;

import io.vertx.core.Future;
import java.util.List;

/** Port to the knowledge feature: the best passages for a query among the documents this user may read. */
public interface PassageRetriever {

    Future<List<EvidencePassage>> search(long userId, String query, int k);
}
