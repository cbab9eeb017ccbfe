package com.finlens.market;

import com.finlens.platform.http.ApiException;
import java.util.List;
import java.util.Map;

/** Every source that could answer failed: a 503 that lists which sources were tried and why they failed. */
public final class MarketDataUnavailable extends ApiException implements SourcesTried {

    private final List<SourceFailure> failures;

    public MarketDataUnavailable(String what, List<SourceFailure> failures) {
        super(503, "market-data-unavailable", "Market data unavailable", what + " is unavailable right now: "
                + String.join("; ", failures.stream().map(f -> f.source() + " " + f.reason()).toList()),
                Map.of("sourcesFailed", failures.stream().map(f -> Map.of("source", f.source(),
                        "endpoint", f.endpoint(), "kind", f.kind(), "reason", f.reason())).toList()), Map.of());
        this.failures = List.copyOf(failures);
    }

    @Override
    public List<SourceFailure> failures() {
        return failures;
    }
}
