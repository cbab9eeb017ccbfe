package com.finlens.market.cache;

import com.finlens.integration.upstream.Transport;
import com.finlens.integration.upstream.UpstreamRequest;
import com.finlens.integration.upstream.UpstreamResponse;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Memory tier, then the durable store, then upstream. Identical concurrent requests share one upstream call
 * (single flight). Only answers the adapter calls {@code storable} are kept (e.g. DART status 000/013 but not
 * 020), for as long as the request's TTL says (the adapter picks it by kind: immutable past data long, today short).
 * That check reads the whole body (a KRX market list is ~1 MB of JSON), so it runs on the given worker.
 */
public final class CachingTransport implements Transport {

    private final String system;
    private final Transport upstream;
    private final InMemoryMarketCacheStore memory;
    private final MarketCacheStore store;
    private final Predicate<UpstreamResponse> storable;
    private final WorkerExecutor worker;
    private final Clock clock;
    private final Map<String, Future<UpstreamResponse>> inFlight = new ConcurrentHashMap<>();

    public CachingTransport(String system, Transport upstream, InMemoryMarketCacheStore memory, MarketCacheStore store,
                            Predicate<UpstreamResponse> storable, WorkerExecutor worker, Clock clock) {
        this.system = system;
        this.upstream = upstream;
        this.memory = memory;
        this.store = store;
        this.storable = storable;
        this.worker = worker;
        this.clock = clock;
    }

    @Override
    public Optional<LocalDate> snapshotAsOf() {
        return upstream.snapshotAsOf();
    }

    @Override
    public Future<UpstreamResponse> send(UpstreamRequest request) {
        String key = request.cacheKey();
        boolean[] started = {false};
        Future<UpstreamResponse> shared = inFlight.computeIfAbsent(key, k -> {
            started[0] = true;
            return request.cacheable() ? cachedOrFetch(request, k) : upstream.send(request);
        });
        if (started[0]) {
            shared.onComplete(done -> inFlight.remove(key, shared));
        }
        return shared;
    }

    private Future<UpstreamResponse> cachedOrFetch(UpstreamRequest request, String key) {
        return memory.get(system, key).compose(hit -> {
            if (hit.isPresent() && hit.get().freshAt(clock.instant())) {
                return Future.succeededFuture(hit.get().toResponse());
            }
            return store.get(system, key)
                    .otherwiseEmpty()
                    .map(found -> found == null ? Optional.<CachedResponse>empty() : found)
                    .compose(stored -> {
                        if (stored.isPresent() && stored.get().freshAt(clock.instant())) {
                            memory.put(stored.get());
                            return Future.succeededFuture(stored.get().toResponse());
                        }
                        return fetchAndKeep(request, key);
                    });
        });
    }

    private Future<UpstreamResponse> fetchAndKeep(UpstreamRequest request, String key) {
        return upstream.send(request).compose(response -> worker.executeBlocking(() -> storable.test(response), false)
                .map(keep -> {
                    // Back on the caller's context: the durable store needs the event loop.
                    if (keep) {
                        CachedResponse entry = CachedResponse.of(system, key, response,
                                clock.instant().plus(request.cacheTtl()));
                        memory.put(entry);
                        store.put(entry);
                    }
                    return response;
                }));
    }
}
