package com.finlens.integration.upstream;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.Optional;

/**
 * How an adapter's requests reach an outside system: over HTTP, or answered from the bundled snapshot of real
 * recorded responses. Adapters parse whatever comes back with the same code either way. A transport fails only
 * when no HTTP answer was obtained; HTTP error statuses are returned for the adapter to interpret.
 */
public interface Transport {

    Future<UpstreamResponse> send(UpstreamRequest request);

    /** Present when this transport serves a bundled snapshot: the day its data describes ("today" offline). */
    default Optional<LocalDate> snapshotAsOf() {
        return Optional.empty();
    }
}
