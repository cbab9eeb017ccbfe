package com.finlens.market;

import com.finlens.platform.http.ApiException;
import java.util.List;
import java.util.Map;

/**
 * Every source that was asked answered that it has no such data (an unknown symbol, a year not filed, a day the
 * offline data does not hold): a 404 naming what was searched, never a 503, because nothing failed.
 */
public final class MarketDataNotFound extends ApiException implements SourcesTried {

    private final List<SourceFailure> failures;

    MarketDataNotFound(String what, List<SourceFailure> failures) {
        super(404, "market-data-not-found", "No such market data", what + " was not found: "
                + String.join("; ", failures.stream().map(f -> f.source() + " " + f.reason()).toList()),
                Map.of("sourcesSearched", failures.stream().map(f -> Map.of("source", f.source(),
                        "endpoint", f.endpoint(), "kind", f.kind(), "reason", f.reason())).toList()), Map.of());
        this.failures = List.copyOf(failures);
    }

    /** 404 when every source said it has no such data, 503 when at least one really failed. */
    static ApiException of(String what, List<SourceFailure> failures) {
        boolean nothingFailed = !failures.isEmpty() && failures.stream().allMatch(SourcesTried::absent);
        return nothingFailed ? new MarketDataNotFound(what, failures) : new MarketDataUnavailable(what, failures);
    }

    @Override
    public List<SourceFailure> failures() {
        return failures;
    }
}
