package com.finlens.market.cache;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A least-recently-used store bounded by the bytes of the bodies it holds: the memory tier, and the only tier of the
 * bundled snapshot. Counting entries bounded nothing, since one body can be 40 bytes (a DART status) or 3.4 MB (its
 * corp code zip). A body larger than a sixteenth of the budget is not kept, so it cannot push out the small, hot
 * answers; the one that large (the corp code zip, read once a day to rebuild the company directory) comes from the
 * durable store or the snapshot again.
 */
public final class InMemoryMarketCacheStore implements MarketCacheStore {

    private static final int LARGEST_SHARE = 16;

    private final Map<String, CachedResponse> entries = new LinkedHashMap<>(64, 0.75f, true);
    private final long maxBytes;
    private final Clock clock;
    private long bytes;

    public InMemoryMarketCacheStore(long maxBytes, Clock clock) {
        if (maxBytes < LARGEST_SHARE) {
            throw new IllegalArgumentException("a memory cache of " + maxBytes + " bytes holds nothing");
        }
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    @Override
    public synchronized Future<Optional<CachedResponse>> get(String system, String key) {
        return Future.succeededFuture(Optional.ofNullable(entries.get(system + "|" + key)));
    }

    @Override
    public synchronized Future<Void> put(CachedResponse response) {
        String key = response.system() + "|" + response.key();
        forget(entries.remove(key));
        if (response.body().length <= maxBytes / LARGEST_SHARE) {
            entries.put(key, response);
            bytes += response.body().length;
            Iterator<CachedResponse> eldestFirst = entries.values().iterator();
            while (bytes > maxBytes) {
                forget(eldestFirst.next());
                eldestFirst.remove();
            }
        }
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Integer> purgeExpired() {
        Instant now = clock.instant();
        int before = entries.size();
        entries.values().removeIf(e -> {
            boolean expired = !e.freshAt(now);
            if (expired) {
                forget(e);
            }
            return expired;
        });
        return Future.succeededFuture(before - entries.size());
    }

    private void forget(CachedResponse removed) {
        if (removed != null) {
            bytes -= removed.body().length;
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    /** The bytes of the bodies held. */
    public synchronized long bytes() {
        return bytes;
    }
}
