package com.finlens.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Counts rows straight in a test's database (JDBC, user root), to check what was really stored. */
public final class Sql {

    private Sql() {
    }

    public static long count(String jdbcUrl, String query, Object... parameters) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "root", "");
             PreparedStatement statement = c.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + query, e);
        }
    }
}
