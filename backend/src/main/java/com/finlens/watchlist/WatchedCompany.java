package com.finlens.watchlist;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A company one user watches; {@code dartCorpCode} is null when DART does not cover it (no filings to follow). */
public record WatchedCompany(String companyKey, String name, String dartCorpCode, Instant addedAt) {

    public JsonObject toJson() {
        return new JsonObject().put("companyKey", companyKey).put("name", name)
                .put("disclosures", dartCorpCode != null).put("addedAt", addedAt.toString());
    }
}
