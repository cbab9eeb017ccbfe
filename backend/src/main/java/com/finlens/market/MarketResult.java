package com.finlens.market;

import java.util.List;

/**
 * Data plus how we got it: provenance for the figures, the sources that answered and those that failed (so a
 * thinner answer is never silent).
 */
public record MarketResult<T>(T data, List<Provenance> provenance, List<String> sourcesAnswered,
                              List<SourceFailure> sourcesFailed) {

    public MarketResult {
        provenance = List.copyOf(provenance);
        sourcesAnswered = List.copyOf(sourcesAnswered);
        sourcesFailed = List.copyOf(sourcesFailed);
    }

    public boolean degraded() {
        return !sourcesFailed.isEmpty();
    }
}
