package com.finlens.platform.db;

/**
 * The value of a single-column native select, which asks Hibernate for {@code Object.class}. Given a basic type
 * ({@code Long.class}, {@code String.class}) Hibernate ORM 7.4 adds a result builder per execution that has no
 * {@code equals}, so the select's cached plan is never found (see {@link ComparableResultSetMappings});
 * {@code Object.class} adds none.
 */
public final class NativeColumn {

    private NativeColumn() {
    }

    /** An integer column; MariaDB's types reach us as {@code Integer}, {@code Long} or {@code BigInteger}. */
    public static long asLong(Object value) {
        return ((Number) value).longValue();
    }

    public static int asInt(Object value) {
        return ((Number) value).intValue();
    }

    public static String asText(Object value) {
        return (String) value;
    }
}
