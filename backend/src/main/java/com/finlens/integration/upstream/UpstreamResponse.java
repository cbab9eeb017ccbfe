package com.finlens.integration.upstream;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What came back. {@code fetchedAt} is when the body left the upstream system (for a cache hit: the original
 * fetch); {@code snapshotRecordedOn} is set when the body comes from the bundled snapshot instead of the network.
 */
public record UpstreamResponse(int status, Map<String, List<String>> headers, Buffer body, Instant fetchedAt,
                               LocalDate snapshotRecordedOn, boolean fromCache) {

    public UpstreamResponse {
        headers = Map.copyOf(headers);
    }

    public String text() {
        return body == null ? "" : body.toString(StandardCharsets.UTF_8);
    }

    public List<String> header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public UpstreamResponse asCached() {
        return new UpstreamResponse(status, headers, body, fetchedAt, snapshotRecordedOn, true);
    }
}
