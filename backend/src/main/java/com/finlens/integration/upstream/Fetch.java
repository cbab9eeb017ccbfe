package com.finlens.integration.upstream;

import java.time.Instant;
import java.time.LocalDate;

/** Where one upstream answer came from: the raw material of provenance. */
public record Fetch(String system, String endpoint, Instant fetchedAt, LocalDate snapshotRecordedOn,
                    boolean fromCache) {

    public static Fetch of(String system, UpstreamRequest request, UpstreamResponse response) {
        return new Fetch(system, request.endpoint(), response.fetchedAt(), response.snapshotRecordedOn(),
                response.fromCache());
    }

    public boolean fromSnapshot() {
        return snapshotRecordedOn != null;
    }
}
