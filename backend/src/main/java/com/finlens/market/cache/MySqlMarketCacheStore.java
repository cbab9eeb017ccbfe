package com.finlens.market.cache;

import com.finlens.platform.db.Futures;
import com.finlens.platform.db.UtcColumns;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The durable cache tier in MySQL/MariaDB (table {@code market_cache}, Flyway V20). Uses native statements through
 * the application's Hibernate Reactive session factory, so no entity needs registering; times are stored in UTC.
 * Must be called on the event loop, like every Hibernate Reactive use.
 */
public final class MySqlMarketCacheStore implements MarketCacheStore {

    private static final String SELECT = "SELECT http_status, content_type, body, fetched_at, snapshot_recorded_on,"
            + " expires_at, cache_key FROM market_cache WHERE key_hash = ?1";
    private static final String UPSERT = "INSERT INTO market_cache (key_hash, source_system, cache_key, http_status,"
            + " content_type, body, fetched_at, snapshot_recorded_on, expires_at)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
            + " ON DUPLICATE KEY UPDATE http_status = VALUES(http_status), content_type = VALUES(content_type),"
            + " body = VALUES(body), fetched_at = VALUES(fetched_at),"
            + " snapshot_recorded_on = VALUES(snapshot_recorded_on), expires_at = VALUES(expires_at)";
    private static final String PURGE = "DELETE FROM market_cache WHERE expires_at < ?1";
    private static final int MAX_KEY = 2000;

    private final Mutiny.SessionFactory sessions;
    private final Clock clock;

    public MySqlMarketCacheStore(Mutiny.SessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public Future<Optional<CachedResponse>> get(String system, String key) {
        return Futures.toFuture(sessions.withSession(s -> s.createNativeQuery(SELECT, Object[].class)
                .setParameter(1, hash(system, key))
                .getResultList()))
                .map(rows -> rows.isEmpty() ? Optional.empty() : Optional.of(toResponse(system, rows.get(0))));
    }

    @Override
    public Future<Void> put(CachedResponse r) {
        if (r.key().length() > MAX_KEY) {
            return Future.succeededFuture();
        }
        return Futures.toFuture(sessions.withTransaction(s -> s.createNativeQuery(UPSERT)
                .setParameter(1, hash(r.system(), r.key()))
                .setParameter(2, r.system())
                .setParameter(3, r.key())
                .setParameter(4, r.status())
                .setParameter(5, r.contentType())
                .setParameter(6, r.body())
                .setParameter(7, UtcColumns.of(r.fetchedAt()))
                .setParameter(8, r.snapshotRecordedOn())
                .setParameter(9, UtcColumns.of(r.expiresAt()))
                .executeUpdate())).mapEmpty();
    }

    @Override
    public Future<Integer> purgeExpired() {
        return Futures.toFuture(sessions.withTransaction(s -> s.createNativeQuery(PURGE)
                .setParameter(1, UtcColumns.of(clock.instant())).executeUpdate()));
    }

    private static CachedResponse toResponse(String system, Object[] row) {
        return new CachedResponse(system, (String) row[6], ((Number) row[0]).intValue(), (String) row[1],
                bytes(row[2]), UtcColumns.instant(row[3]), date(row[4]), UtcColumns.instant(row[5]));
    }

    /** Hibernate hands LONGBLOB columns of native queries back as a (fully read) {@link java.sql.Blob}. */
    private static byte[] bytes(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        if (value instanceof java.sql.Blob blob) {
            try {
                return blob.getBytes(1, (int) blob.length());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cached body could not be read", e);
            }
        }
        throw new IllegalStateException("unexpected body type " + value.getClass());
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        throw new IllegalStateException("unexpected date type " + value);
    }

    private static String hash(String system, String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((system + "|" + key).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
