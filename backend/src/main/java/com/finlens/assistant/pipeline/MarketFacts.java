package com.finlens.assistant.pipeline;

import io.vertx.core.Future;
import java.util.List;

/** Port to the market feature: prices, financial statement figures and disclosures with provenance. */
public interface MarketFacts {

    Future<List<Fact>> facts(CompanyRef company, FactKind kind);

    /**
     * The same, for the fiscal years the question names ("2023년 영업이익"); an empty list means the latest.
     * Sources that cannot look up a year answer with the latest.
     */
    default Future<List<Fact>> facts(CompanyRef company, FactKind kind, List<Integer> years) {
        return facts(company, kind);
    }

    /**
     * The facts for the period the question names, with every source searched. A source that has nothing is not
     * a failure of the step: it is listed in {@link FactLookup#searched()} so the answer can say so.
     */
    default Future<FactLookup> lookup(CompanyRef company, FactKind kind, PeriodAsk period) {
        return facts(company, kind, period.years()).map(FactLookup::of);
    }
}
