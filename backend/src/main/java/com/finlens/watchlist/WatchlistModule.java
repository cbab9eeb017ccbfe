package com.finlens.watchlist;

import com.finlens.market.MarketServices;
import com.finlens.platform.view.Views;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import org.hibernate.reactive.mutiny.Mutiny;

/** Builds the watchlist feature: the service, its API and page, and the DART disclosure poller (started here). */
public final class WatchlistModule implements AutoCloseable {

    private final WatchlistService service;
    private final WatchlistRoutes routes;
    private final WatchlistPages pages;
    private final DisclosurePoller poller;

    /** Offline (no DART key) the poll reads the bundled DART recording and the feed says so. */
    public WatchlistModule(Vertx vertx, Mutiny.SessionFactory sessions, MarketServices market, WatchlistConfig config,
                           Clock clock, MeterRegistry metrics, Views views) {
        boolean offline = market.days().offlineFilings();
        this.service = new WatchlistService(new WatchlistRepository(sessions), market.resolver(), clock, offline);
        this.routes = new WatchlistRoutes(service);
        this.pages = new WatchlistPages(service, views);
        this.poller = new DisclosurePoller(vertx, new DisclosurePollRepository(sessions), market.resolver(),
                market.disclosures(), config, clock, offline, metrics);
        poller.start();
    }

    public WatchlistService service() {
        return service;
    }

    public WatchlistRoutes routes() {
        return routes;
    }

    public WatchlistPages pages() {
        return pages;
    }

    @Override
    public void close() {
        poller.close();
    }
}
