package com.finlens.watchlist;

import com.finlens.market.Disclosure;
import com.finlens.platform.db.Futures;
import com.finlens.platform.db.UtcColumns;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** The poller's tables (V50): the lease row with the day's request budget, the companies to poll, the filings seen. */
final class DisclosurePollRepository {

    private final Mutiny.SessionFactory sessions;

    DisclosurePollRepository(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /**
     * Takes or renews the lease in one atomic UPDATE: it succeeds for the holder or when the lease has expired, so of
     * several replicas exactly one holds it at a time.
     */
    Future<Boolean> acquire(String holder, Instant now, Instant until) {
        return Futures.toFuture(sessions.withTransaction(s -> s.createNativeQuery(
                        "update watch_poll_lease set holder = ?1, expires_at = ?2"
                                + " where name = 'dart' and (holder = ?1 or expires_at < ?3)")
                .setParameter(1, holder)
                .setParameter(2, UtcColumns.of(until))
                .setParameter(3, UtcColumns.of(now))
                .executeUpdate())).map(rows -> rows == 1);
    }

    /** Spends one request of {@code day}'s budget if this replica still holds the lease and budget is left. */
    Future<Boolean> spend(String holder, LocalDate day, int budget) {
        // budget_used is assigned before budget_day, so it still compares against the previous day
        return Futures.toFuture(sessions.withTransaction(s -> s.createNativeQuery(
                        "update watch_poll_lease set budget_used = case when budget_day = ?2 then budget_used + 1 else 1 end,"
                                + " budget_day = ?2 where name = 'dart' and holder = ?1"
                                + " and (budget_day is null or budget_day <> ?2 or budget_used < ?3)")
                .setParameter(1, holder)
                .setParameter(2, day)
                .setParameter(3, budget)
                .executeUpdate())).map(rows -> rows == 1);
    }

    /** One company key per DART corp code anybody watches: one request serves every watcher and share class. */
    Future<List<String>> watchedCompanies() {
        return Futures.toFuture(sessions.withSession(s -> s.createNativeQuery(
                        "select min(company_key) from watched_company where dart_corp_code is not null"
                                + " group by dart_corp_code order by dart_corp_code", String.class)
                .getResultList()));
    }

    /** Stores the filings not seen before (unique rcept_no); returns how many were new. */
    Future<Integer> save(String dartCorpCode, List<Disclosure> filings, Instant now, boolean offline) {
        if (filings.isEmpty()) {
            return Future.succeededFuture(0);
        }
        StringBuilder sql = new StringBuilder("insert ignore into watch_filing (rcept_no, dart_corp_code, report_name,"
                + " filer, received_on, first_seen_at, offline) values ");
        for (int i = 0; i < filings.size(); i++) {
            int p = i * 7;
            sql.append(i == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2).append(", ?")
                    .append(p + 3).append(", ?").append(p + 4).append(", ?").append(p + 5).append(", ?").append(p + 6)
                    .append(", ?").append(p + 7).append(')');
        }
        return Futures.toFuture(sessions.withTransaction(s -> {
            var insert = s.createNativeQuery(sql.toString());
            for (int i = 0; i < filings.size(); i++) {
                Disclosure d = filings.get(i);
                int p = i * 7;
                insert.setParameter(p + 1, d.receiptNo())
                        .setParameter(p + 2, dartCorpCode)
                        .setParameter(p + 3, truncate(d.title(), 500))
                        .setParameter(p + 4, truncate(d.filer() == null ? "" : d.filer(), 200))
                        .setParameter(p + 5, d.receivedOn())
                        .setParameter(p + 6, UtcColumns.of(now))
                        .setParameter(p + 7, offline);
            }
            return insert.executeUpdate();
        }));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
