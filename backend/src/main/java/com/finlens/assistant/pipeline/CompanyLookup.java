package com.finlens.assistant.pipeline;

import io.vertx.core.Future;

/** Port to the market feature: which companies does a question talk about? */
public interface CompanyLookup {

    Future<CompanyMatches> resolve(String questionText);
}
