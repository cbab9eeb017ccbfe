package com.finlens.watchlist;

import com.finlens.market.CompanyResolver;
import com.finlens.market.MarketCompany;
import com.finlens.market.Resolution;
import com.finlens.platform.http.ApiException;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;

/** A user's watched companies and disclosure feed; every call is scoped to the user it names. */
public final class WatchlistService {

    static final int FEED_LIMIT = 100;

    private final WatchlistRepository repository;
    private final CompanyResolver companies;
    private final Clock clock;
    private final boolean offline;

    WatchlistService(WatchlistRepository repository, CompanyResolver companies, Clock clock, boolean offline) {
        this.repository = repository;
        this.companies = companies;
        this.clock = clock;
        this.offline = offline;
    }

    public Future<List<WatchedCompany>> list(long userId) {
        return repository.list(userId);
    }

    /** Watches the company with this KRX code or symbol (404 when there is none); watching it twice changes nothing. */
    public Future<MarketCompany> add(long userId, String companyKey) {
        return companies.company(companyKey).compose(company -> add(userId, company));
    }

    /** Watches the best match of a name or code typed into the page's form, or fails with a 404. */
    public Future<MarketCompany> addByQuery(long userId, String query) {
        if (query == null || query.isBlank()) {
            return Future.failedFuture(ApiException.notFound("Company"));
        }
        return companies.resolve(query.trim()).compose(resolution -> {
            Resolution.Candidate best = resolution.best();
            return best == null ? Future.failedFuture(ApiException.notFound("Company " + query.trim()))
                    : add(userId, best.company());
        });
    }

    private Future<MarketCompany> add(long userId, MarketCompany company) {
        return repository.add(userId, company.id(), company.name(), company.dartCorpCode(), clock.instant())
                .map(company);
    }

    public Future<Void> remove(long userId, String companyKey) {
        return repository.remove(userId, companyKey);
    }

    /** A short tag that changes whenever the user's feed would; cheap enough to compute on every poll. */
    public Future<String> feedVersion(long userId, long since) {
        return repository.version(userId).map(v -> '"' + "w" + v + "." + since
                + (offline ? ".o" : "") + '"');
    }

    public Future<Feed> feed(long userId, long since) {
        return repository.feed(userId, since, FEED_LIMIT).map(page -> new Feed(page.items(), page.unreadCount(),
                page.items().isEmpty() ? since : page.items().get(0).id(), offline));
    }

    public Future<Void> markRead(long userId, long upTo) {
        return repository.markRead(userId, upTo);
    }

    public boolean offline() {
        return offline;
    }
}
