package com.finlens.assistant.pipeline;

import io.vertx.core.Future;
import java.util.List;

/** Port to the market feature: prices, financial statement figures and disclosures with provenance. */
public interface MarketFacts {

    Future<List<Fact>> facts(Company company, FactKind kind);
}
