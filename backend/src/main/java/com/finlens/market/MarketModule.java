package com.finlens.market;

import com.finlens.integration.dart.DartClient;
import com.finlens.integration.krx.KrxClient;
import com.finlens.integration.upstream.SnapshotTransport;
import com.finlens.integration.upstream.Transport;
import com.finlens.integration.upstream.UpstreamResponse;
import com.finlens.integration.yahoo.YahooClient;
import com.finlens.market.cache.CachingTransport;
import com.finlens.market.cache.InMemoryMarketCacheStore;
import com.finlens.market.cache.MarketCacheStore;
import com.finlens.market.calendar.KrxCalendar;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the market-data feature: per source a live transport (WebClient + rate limit + circuit breaker +
 * retries) or the bundled snapshot, behind the cache; the adapters; the company directory (loaded once, refreshed
 * periodically, falling back to the bundled snapshot if the live sources cannot build it); the services (Wiring builds the routes over them).
 */
public final class MarketModule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MarketModule.class);

    private final Vertx vertx;
    private final WorkerExecutor worker;
    private final MarketServices services;
    private final CompanyDirectoryLoader loader;
    private final CompanyDirectoryLoader snapshotLoader;
    private final long refreshTimer;
    private final long purgeTimer;
    private volatile Future<CompanyDirectory> directory;
    private volatile Future<MentionFinder> mentionFinder;
    private final AliasCatalog aliases;

    /**
     * Reads the bundled data (aliases, holidays, the offline price exports: hundreds of milliseconds of file reads
     * and parsing) on the market worker, then builds the module back on the caller's context, where its timers
     * run: the MySQL cache store's purge needs an event loop.
     */
    public static Future<MarketModule> start(Vertx vertx, MarketConfig config, MarketCacheStore store, Clock clock) {
        WorkerExecutor worker = vertx.createSharedWorkerExecutor("market", 2);
        return worker.executeBlocking(() -> Bundled.read(config), false)
                .map(bundled -> new MarketModule(vertx, worker, bundled, config, store, clock))
                .onFailure(t -> worker.close());
    }

    /** What the feature reads from the jar once. Offline, Korean prices come from the bundled dataset exports;
     * live KRX never mixes with them. */
    private record Bundled(AliasCatalog aliases, KrxCalendar calendar, PriceDataset prices) {
        static Bundled read(MarketConfig config) {
            return new Bundled(AliasCatalog.bundled(), KrxCalendar.bundled(),
                    config.krx().live() ? PriceDataset.none() : PriceDataset.bundled());
        }
    }

    private MarketModule(Vertx vertx, WorkerExecutor worker, Bundled bundled, MarketConfig config,
                         MarketCacheStore store, Clock clock) {
        this.vertx = vertx;
        this.worker = worker;
        this.aliases = bundled.aliases();
        KrxCalendar calendar = bundled.calendar();
        InMemoryMarketCacheStore memory = new InMemoryMarketCacheStore(config.memoryCacheBytes(), clock);

        ZoneId seoul = ZoneId.of("Asia/Seoul");
        Transport dartTransport = config.dart().live()
                ? new LiveSource(DartClient.SYSTEM, config.dart().baseUrl(), config.dart().timeout(), 5, 10,
                        config.dart().dailyQuota(), seoul, null).cached(vertx, memory, store, DartClient::storable, worker, clock)
                : snapshot(DartClient.SYSTEM, DartClient::storable, clock);
        Transport krxTransport = config.krx().live()
                ? new LiveSource(KrxClient.SYSTEM, config.krx().baseUrl(), config.krx().timeout(), 5, 10,
                        config.krx().dailyQuota(), seoul, null).cached(vertx, memory, store, KrxClient::storable, worker, clock)
                : snapshot(KrxClient.SYSTEM, KrxClient::storable, clock);
        Transport yahooApi;
        Transport yahooCookie;
        if (config.yahoo().live()) {
            yahooApi = new LiveSource(YahooClient.SYSTEM, config.yahoo().baseUrl(), config.yahoo().timeout(), 2, 5,
                    50_000, ZoneId.of("UTC"), config.yahoo().userAgent())
                    .cached(vertx, memory, store, YahooClient::storable, worker, clock);
            yahooCookie = new LiveSource("yahoo-cookie", config.yahoo().cookieUrl(), config.yahoo().timeout(), 1, 2,
                    10_000, ZoneId.of("UTC"), config.yahoo().userAgent()).resilient(vertx, clock);
        } else {
            yahooApi = snapshot(YahooClient.SYSTEM, YahooClient::storable, clock);
            yahooCookie = SnapshotTransport.load(vertx, "yahoo-cookie");
        }
        DartClient dart = new DartClient(dartTransport, config.dart().apiKey(), worker);
        KrxClient krx = new KrxClient(krxTransport, config.krx().apiKey(), clock, worker);
        YahooClient yahoo = new YahooClient(yahooApi, yahooCookie, config.yahoo().userAgent(), clock);

        this.loader = new CompanyDirectoryLoader(dart, krx, aliases, calendar, worker, clock);
        this.snapshotLoader = config.dart().live() || config.krx().live()
                ? new CompanyDirectoryLoader(
                        new DartClient(snapshot(DartClient.SYSTEM, DartClient::storable, clock), null, worker),
                        new KrxClient(snapshot(KrxClient.SYSTEM, KrxClient::storable, clock), null, clock, worker),
                        aliases, calendar, worker, clock)
                : null;
        PriceDataset dataset = bundled.prices();
        MarketDays days = new MarketDays(dart, krx, yahoo, dataset, clock);
        PriceService prices = new PriceService(krx, yahoo, dataset, calendar, days, clock);
        this.services = new MarketServices(new CompanyResolver(this::directory, this::mentionFinder, yahoo,
                aliases.groups()),
                new ProfileService(dart, yahoo, prices), prices, new DisclosureService(dart, days),
                new FinancialsService(dart, yahoo, days), days);
        this.refreshTimer = vertx.setPeriodic(config.directoryRefresh().toMillis(), id -> refresh());
        // Runs on this module's (event-loop) context, as Hibernate Reactive requires for the MySQL store.
        this.purgeTimer = vertx.setPeriodic(Duration.ofHours(1).toMillis(), id -> {
            memory.purgeExpired();
            store.purgeExpired().onFailure(t -> LOG.warn("market cache purge failed: {}", t.getMessage()));
        });
    }

    public MarketServices services() {
        return services;
    }


    /** Completes when the company directory is loaded (call at startup to warm it). */
    public synchronized Future<CompanyDirectory> directory() {
        if (directory == null) {
            directory = loadWithFallback();
            directory.onFailure(t -> {
                synchronized (this) {
                    directory = null;
                }
            });
        }
        return directory;
    }

    private synchronized Future<MentionFinder> mentionFinder() {
        if (mentionFinder == null) {
            mentionFinder = directory().compose(dir -> worker.executeBlocking(
                    () -> new MentionFinder(dir, aliases.mentionStopwords()), false));
            mentionFinder.onFailure(t -> {
                synchronized (this) {
                    mentionFinder = null;
                }
            });
        }
        return mentionFinder;
    }

    private Future<CompanyDirectory> loadWithFallback() {
        Future<CompanyDirectory> live = loader.load();
        if (snapshotLoader == null) {
            return live;
        }
        return live.recover(t -> {
            LOG.warn("company directory could not be built from the live sources ({}); using the bundled snapshot",
                    t.getMessage());
            return snapshotLoader.load();
        });
    }

    private void refresh() {
        loader.load().onSuccess(fresh -> {
            synchronized (this) {
                directory = Future.succeededFuture(fresh);
                mentionFinder = null;
            }
        }).onFailure(t -> LOG.warn("company directory refresh failed, keeping the previous one: {}", t.getMessage()));
    }

    /** Snapshot answers are kept in memory only, so they never mix with live answers in the durable cache. The
     * whole bundled snapshot is 5.9 MB; 16 MiB keeps every recording but the corp code zip (3.4 MB). */
    private Transport snapshot(String system, Predicate<UpstreamResponse> storable, Clock clock) {
        InMemoryMarketCacheStore own = new InMemoryMarketCacheStore(16L << 20, clock);
        return new CachingTransport(system, SnapshotTransport.load(vertx, system), own, own, storable, worker, clock);
    }

    @Override
    public void close() {
        vertx.cancelTimer(refreshTimer);
        vertx.cancelTimer(purgeTimer);
        worker.close();
    }
}
