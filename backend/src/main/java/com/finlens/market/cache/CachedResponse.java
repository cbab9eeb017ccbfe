package com.finlens.market.cache;

import com.finlens.integration.upstream.UpstreamResponse;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An upstream answer kept for reuse, with the moment it stops being fresh. */
public record CachedResponse(String system, String key, int status, String contentType, byte[] body,
                             Instant fetchedAt, LocalDate snapshotRecordedOn, Instant expiresAt) {

    public static CachedResponse of(String system, String key, UpstreamResponse response, Instant expiresAt) {
        String contentType = response.header("content-type").stream().findFirst().orElse("application/octet-stream");
        return new CachedResponse(system, key, response.status(), contentType, response.body().getBytes(),
                response.fetchedAt(), response.snapshotRecordedOn(), expiresAt);
    }

    public boolean freshAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    public UpstreamResponse toResponse() {
        return new UpstreamResponse(status, Map.of("content-type", List.of(contentType)), Buffer.buffer(body),
                fetchedAt, snapshotRecordedOn, true);
    }
}
