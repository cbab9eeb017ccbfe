package com.finlens.watchlist;

import com.finlens.market.CompanyResolver;
import com.finlens.market.DisclosureService;
import com.finlens.platform.db.OwnContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls DART's filing list once per interval for every company anybody watches: one request per DART corp code
 * whatever the number of watchers, the requests spread evenly over the interval, each one taken from the day's
 * budget. Only the replica holding the database lease polls; the others try again each interval and take over once
 * the lease expires (two intervals, at least 30 s, after its holder stopped renewing it: a round delayed by a busy
 * machine must not hand the lease over while its holder is still alive). Each round runs on a context of its own,
 * so its Hibernate Reactive sessions never meet a request's.
 */
final class DisclosurePoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DisclosurePoller.class);
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /**
     * Live, a week back is plenty between polls. The bundled DART recordings are up to years older than the
     * snapshot's day, so offline the window takes in the whole recording (one snapshot answer, no paging).
     */
    private static final int LIVE_WINDOW_DAYS = 7;
    private static final int OFFLINE_WINDOW_DAYS = 5 * 365;
    private static final Duration MIN_LEASE = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final OwnContext ownContext;
    private final DisclosurePollRepository repository;
    private final CompanyResolver companies;
    private final DisclosureService disclosures;
    private final WatchlistConfig config;
    private final Clock clock;
    private final boolean offline;
    private final String holder = UUID.randomUUID().toString();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Counter companyPolls;
    private final Counter newFilings;
    private long timer = -1;

    DisclosurePoller(Vertx vertx, DisclosurePollRepository repository, CompanyResolver companies,
                     DisclosureService disclosures, WatchlistConfig config,
                     Clock clock, boolean offline, MeterRegistry metrics) {
        this.vertx = vertx;
        this.ownContext = new OwnContext(vertx);
        this.repository = repository;
        this.companies = companies;
        this.disclosures = disclosures;
        this.config = config;
        this.clock = clock;
        this.offline = offline;
        this.companyPolls = Counter.builder("finlens.watchlist.company.polls")
                .description("DART filing-list requests made by this replica's watchlist poller").register(metrics);
        this.newFilings = Counter.builder("finlens.watchlist.filings.new")
                .description("Filings the watchlist poller stored for the first time").register(metrics);
    }

    void start() {
        timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> round());
    }

    private void round() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        ownContext.run(this::pollAll)
                .onFailure(t -> LOG.warn("watchlist poll round failed: {}", t.getMessage()))
                .onComplete(done -> running.set(false));
    }

    private Future<Void> pollAll() {
        Instant now = clock.instant();
        Duration lease = config.pollInterval().multipliedBy(2);
        return repository.acquire(holder, now, now.plus(lease.compareTo(MIN_LEASE) < 0 ? MIN_LEASE : lease))
                .compose(held -> held
                ? repository.watchedCompanies().compose(keys -> pollFrom(keys, 0,
                        config.pollInterval().dividedBy(Math.max(1, keys.size()))))
                : Future.succeededFuture());
    }

    private Future<Void> pollFrom(List<String> keys, int index, Duration step) {
        if (index >= keys.size()) {
            return Future.succeededFuture();
        }
        return pollOne(keys.get(index))
                .recover(t -> {
                    LOG.warn("watchlist poll of {} failed: {}", keys.get(index), t.getMessage());
                    return Future.succeededFuture(true);
                })
                .compose(goOn -> !goOn || index + 1 >= keys.size() ? Future.succeededFuture()
                        : delay(step).compose(v -> pollFrom(keys, index + 1, step)));
    }

    /** Completes with false when the day's budget is spent or the lease was lost: the round stops there. */
    private Future<Boolean> pollOne(String companyKey) {
        LocalDate budgetDay = LocalDate.now(clock.withZone(SEOUL));
        return repository.spend(holder, budgetDay, config.dailyBudget()).compose(allowed -> {
            if (!allowed) {
                LOG.info("watchlist poll paused: today's DART budget of {} is spent or another replica holds the lease",
                        config.dailyBudget());
                return Future.succeededFuture(false);
            }
            companyPolls.increment();
            return companies.company(companyKey).compose(company -> {
                LocalDate to = disclosures.filingsToday();
                LocalDate from = to.minusDays(offline ? OFFLINE_WINDOW_DAYS : LIVE_WINDOW_DAYS);
                return disclosures.disclosures(company, from, to).compose(result -> repository.save(
                        company.dartCorpCode(), result.data().items(), clock.instant(), offline));
            }).map(added -> {
                newFilings.increment(added);
                return true;
            });
        });
    }

    private Future<Void> delay(Duration step) {
        Promise<Void> promise = Promise.promise();
        vertx.setTimer(Math.max(1, step.toMillis()), id -> promise.complete());
        return promise.future();
    }

    @Override
    public void close() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
