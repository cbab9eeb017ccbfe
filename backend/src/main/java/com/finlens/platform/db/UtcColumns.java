package com.finlens.platform.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Times in native SQL: the columns hold UTC wall time ({@code hibernate.jdbc.time_zone}), so statements bind and
 * read {@link LocalDateTime}s in UTC, as the entities do.
 */
public final class UtcColumns {

    private UtcColumns() {
    }

    /** The column value for {@code instant}. */
    public static LocalDateTime of(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The instant a native query's time column holds (the driver answers LocalDateTime, Timestamp or Instant). */
    public static Instant instant(Object value) {
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("unexpected time type " + value);
    }
}
