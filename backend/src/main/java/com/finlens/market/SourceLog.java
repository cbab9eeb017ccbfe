package com.finlens.market;

import com.finlens.integration.upstream.Fetch;
import com.finlens.integration.upstream.UpstreamException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects, while one question is answered, which sources answered (with provenance) and which failed. */
final class SourceLog {

    private final Set<String> answered = new LinkedHashSet<>();
    private final Map<String, SourceFailure> failed = new LinkedHashMap<>();
    private final List<Provenance> provenance = new ArrayList<>();

    void answered(Fetch fetch, String asOf, String unit, String currency, String basis) {
        answered.add(fetch.system());
        provenance.add(new Provenance(fetch.system(), fetch.endpoint(), asOf, fetch.fetchedAt(), unit, currency, basis,
                fetch.snapshotRecordedOn(), fetch.fromCache()));
    }

    /** Records an answer from a bundled dataset, which has no HTTP fetch behind it. */
    void answered(Provenance p) {
        answered.add(p.source());
        provenance.add(p);
    }

    /** The failures so far, with this one added unless it is a request error the caller reports itself. */
    List<SourceFailure> failuresWith(String source, String endpoint, Throwable t) {
        if (!(t instanceof com.finlens.platform.http.ApiException)) {
            failed(source, endpoint, t);
        }
        return failures();
    }

    /** Records a failure; repeated failures of one kind on one endpoint are reported once. */
    void failed(String source, String endpoint, Throwable t) {
        UpstreamException u = UpstreamException.of(source, t);
        String key = source + "|" + endpoint + "|" + u.kind();
        failed.putIfAbsent(key, new SourceFailure(source, endpoint, u.kind().name(), u.getMessage()));
    }

    void failed(SourceFailure failure) {
        failed.putIfAbsent(failure.source() + "|" + failure.endpoint() + "|" + failure.kind(), failure);
    }

    List<SourceFailure> failures() {
        return List.copyOf(failed.values());
    }

    <T> MarketResult<T> result(T data) {
        return new MarketResult<>(data, provenance, List.copyOf(answered), failures());
    }
}
