package com.finlens.integration.upstream;

import com.finlens.platform.cache.ExpiringCache;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.function.Function;

/**
 * Parses each version of an upstream body once. The transport's cache keeps raw bodies (that is what the durable
 * store can hold), so without this every cache hit re-parsed them: the KRX daily list of a market is ~2,800 rows
 * and parsing it was nearly all the time of a company-profile request. A version is the request plus the moment
 * the body was fetched, so a refetched body is parsed afresh and a parsed result never outlives its source.
 * Parsing runs on the given worker: these bodies are large.
 */
public final class ParsedBodies<T> {

    private final ExpiringCache<String, T> parsed;
    private final WorkerExecutor worker;

    public ParsedBodies(int maxEntries, WorkerExecutor worker) {
        this.parsed = new ExpiringCache<>(Duration.ofMinutes(30), maxEntries);
        this.worker = worker;
    }

    /** The parser's result for this response; a parser that throws fails the future and nothing is kept. */
    public Future<T> of(UpstreamRequest request, UpstreamResponse response, Function<UpstreamResponse, T> parser) {
        String version = request.cacheKey() + " @" + response.fetchedAt() + " " + response.snapshotRecordedOn()
                + " " + response.status();
        return parsed.get(version, () -> worker.executeBlocking(() -> parser.apply(response), false));
    }
}
