package com.finlens.market;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Where a figure comes from: system and endpoint, what it is as of (trading day, or fiscal period with report
 * code), when it was fetched, unit/currency, the statement basis (CFS consolidated / OFS separate) and, offline,
 * the day the bundled snapshot was recorded.
 */
public record Provenance(String source, String endpoint, String asOf, Instant fetchedAt, String unit, String currency,
                         String basis, LocalDate snapshotRecordedOn, boolean fromCache) {

    public String describe() {
        String where = snapshotRecordedOn != null
                ? source + " (bundled snapshot recorded on " + snapshotRecordedOn + ")"
                : source;
        return where + ", " + endpoint + ", as of " + asOf + (basis == null ? "" : ", " + basis);
    }
}
