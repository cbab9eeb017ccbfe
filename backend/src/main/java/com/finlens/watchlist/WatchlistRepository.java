package com.finlens.watchlist;

import com.finlens.platform.db.Futures;
import com.finlens.platform.db.UtcColumns;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The watched companies, the feed and the read state of one user (V50). Every query names the user. One session per
 * call; queries inside a call run one after another.
 */
final class WatchlistRepository {

    /** A filing once per user even when they watch two share classes with the same DART corp code. */
    private static final String FEED = "select f.id, f.rcept_no, min(w.company_key), min(w.company_name),"
            + " f.report_name, f.filer, f.received_on from watch_filing f"
            + " join watched_company w on w.dart_corp_code = f.dart_corp_code and w.user_id = ?1"
            + " where f.id > ?2 group by f.id order by f.id desc limit ?3";
    private static final String COUNTS = "select coalesce((select read_up_to from watch_read_state where user_id = ?1), 0),"
            + " (select count(distinct f.id) from watch_filing f join watched_company w"
            + " on w.dart_corp_code = f.dart_corp_code and w.user_id = ?1 where f.id >"
            + " coalesce((select read_up_to from watch_read_state where user_id = ?1), 0))";
    /** Index-only aggregates: changes whenever the list, the user's newest filing or the read watermark changes. */
    private static final String VERSION = "select"
            + " (select count(*) from watched_company where user_id = ?1),"
            + " (select coalesce(max(added_at), '1970-01-01') from watched_company where user_id = ?1),"
            + " (select coalesce(max(f.id), 0) from watch_filing f join watched_company w"
            + " on w.dart_corp_code = f.dart_corp_code and w.user_id = ?1),"
            + " (select coalesce(max(read_up_to), 0) from watch_read_state where user_id = ?1)";

    private final Mutiny.SessionFactory sessions;

    WatchlistRepository(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    Future<List<WatchedCompany>> list(long userId) {
        return Futures.toFuture(sessions.withSession(s -> s.createNativeQuery(
                        "select company_key, company_name, dart_corp_code, added_at from watched_company"
                                + " where user_id = ?1 order by added_at, company_key", Object[].class)
                .setParameter(1, userId)
                .getResultList()))
                .map(rows -> rows.stream().map(r -> new WatchedCompany((String) r[0], (String) r[1], (String) r[2],
                        UtcColumns.instant(r[3]))).toList());
    }

    /** Adds the company unless the user already watches it; the existing row is left as it was. */
    Future<Void> add(long userId, String companyKey, String name, String dartCorpCode, Instant now) {
        return Futures.toFuture(sessions.withTransaction(s -> s.createNativeQuery(
                        "insert ignore into watched_company (user_id, company_key, company_name, dart_corp_code, added_at)"
                                + " values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, userId)
                .setParameter(2, companyKey)
                .setParameter(3, name)
                .setParameter(4, dartCorpCode)
                .setParameter(5, UtcColumns.of(now))
                .executeUpdate())).mapEmpty();
    }

    Future<Void> remove(long userId, String companyKey) {
        return Futures.toFuture(sessions.withTransaction(s -> s.createNativeQuery(
                        "delete from watched_company where user_id = ?1 and company_key = ?2")
                .setParameter(1, userId)
                .setParameter(2, companyKey)
                .executeUpdate())).mapEmpty();
    }

    Future<String> version(long userId) {
        return Futures.toFuture(sessions.withSession(s -> s.createNativeQuery(VERSION, Object[].class)
                .setParameter(1, userId)
                .getSingleResult()))
                .map(row -> java.util.Arrays.stream(row).map(String::valueOf)
                        .map(v -> v.replaceAll("[^0-9A-Za-z]", "")).collect(Collectors.joining(".")));
    }

    /** Filings newer than {@code since} (newest first, at most {@code limit}) and the unread count of the whole feed. */
    Future<Page> feed(long userId, long since, int limit) {
        return Futures.toFuture(sessions.withSession(s -> s.createNativeQuery(COUNTS, Object[].class)
                .setParameter(1, userId)
                .getSingleResult()
                .chain(counts -> s.createNativeQuery(FEED, Object[].class)
                        .setParameter(1, userId)
                        .setParameter(2, since)
                        .setParameter(3, limit)
                        .getResultList()
                        .map(rows -> {
                            long readUpTo = ((Number) counts[0]).longValue();
                            List<Filing> items = new ArrayList<>();
                            for (Object[] r : rows) {
                                long id = ((Number) r[0]).longValue();
                                items.add(new Filing(id, (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                                        (String) r[5], date(r[6]), id > readUpTo));
                            }
                            return new Page(items, ((Number) counts[1]).intValue());
                        }))));
    }

    /** Everything up to {@code upTo} (capped at the newest filing there is) becomes read; never moves backwards. */
    Future<Void> markRead(long userId, long upTo) {
        return Futures.toFuture(sessions.withTransaction(s -> s.createNativeQuery(
                        "insert into watch_read_state (user_id, read_up_to)"
                                + " select ?1, least(?2, coalesce(max(id), 0)) from watch_filing"
                                + " on duplicate key update read_up_to = greatest(read_up_to, values(read_up_to))")
                .setParameter(1, userId)
                .setParameter(2, upTo)
                .executeUpdate())).mapEmpty();
    }

    record Page(List<Filing> items, int unreadCount) {
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        throw new IllegalStateException("unexpected date type " + value);
    }
}
