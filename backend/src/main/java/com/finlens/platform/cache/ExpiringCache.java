package com.finlens.platform.cache;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A bounded in-memory cache of asynchronous results, safe to use from every event loop at once. Entries live at most
 * {@code ttl}; identical concurrent misses share one load (single flight); failed loads and values the caller
 * rejects ({@code keep}) are not kept. Replicas do not talk to each other, so {@code ttl} is also the longest time a
 * change made on another replica can go unseen here: callers choose it as their staleness bound.
 *
 * <p>Callers always continue on their own Vert.x context: a hit is an already-completed future without a context,
 * and a caller that joins another caller's load is handed the result on its own context (Hibernate Reactive binds
 * sessions to the context, so a request must never be resumed on another event loop).
 */
public final class ExpiringCache<K, V> {

    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    private record Entry<V>(Future<V> value, long loadedAt) {
    }

    public ExpiringCache(Duration ttl, int maxEntries) {
        this(ttl, maxEntries, System::nanoTime);
    }

    ExpiringCache(Duration ttl, int maxEntries, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    /** The cached value for {@code key}, or the result of {@code load} (shared with concurrent callers). */
    public Future<V> get(K key, Supplier<Future<V>> load, Predicate<V> keep) {
        if (ttlNanos <= 0) {
            return load.get();
        }
        long now = nanoTime.getAsLong();
        Entry<V> current = entries.get(key);
        if (current != null && fresh(current, now) && current.value().succeeded()) {
            return Future.succeededFuture(current.value().result());
        }
        Promise<V> promise = Promise.promise();
        Entry<V> created = new Entry<>(promise.future(), now);
        Entry<V> entry = entries.compute(key, (k, existing) ->
                existing != null && fresh(existing, now) ? existing : created);
        if (entry == created) {
            if (entries.size() > maxEntries) {
                evict(now);
            }
            promise.future().onComplete(done -> {
                if (done.failed() || !keep.test(done.result())) {
                    entries.remove(key, created);
                }
            });
            try {
                load.get().onComplete(promise);
            } catch (RuntimeException e) {
                promise.tryFail(e);
            }
        }
        return SharedCall.onCallerContext(entry.value());
    }

    public Future<V> get(K key, Supplier<Future<V>> load) {
        return get(key, load, v -> true);
    }

    public void invalidate(K key) {
        entries.remove(key);
    }

    /** Forgets every entry whose value matches (e.g. all sessions of one user), and every load still under way. */
    public void invalidateIf(Predicate<V> matches) {
        entries.values().removeIf(e -> !e.value().isComplete()
                || e.value().succeeded() && e.value().result() != null && matches.test(e.value().result()));
    }

    /** Forgets every entry whose key matches. */
    public void invalidateKeys(Predicate<K> matches) {
        entries.keySet().removeIf(matches);
    }

    public int size() {
        return entries.size();
    }

    private boolean fresh(Entry<V> entry, long now) {
        return now - entry.loadedAt() < ttlNanos;
    }

    /** Over the bound: drop expired entries, then (still over) arbitrary ones until a tenth of the room is free. */
    private void evict(long now) {
        entries.values().removeIf(e -> !fresh(e, now));
        Iterator<K> keys = entries.keySet().iterator();
        int target = maxEntries - maxEntries / 10;
        while (entries.size() > target && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
