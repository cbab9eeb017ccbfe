package com.finlens.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Straight to a test's database (JDBC, user root): counts rows to check what was really stored, and writes rows the
 * code under test did not, e.g. data from before a migration.
 */
public final class Sql {

    private Sql() {
    }

    public static long count(String jdbcUrl, String query, Object... parameters) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "root", "");
             PreparedStatement statement = prepare(c, query, parameters);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + query, e);
        }
    }

    public static void execute(String jdbcUrl, String statement, Object... parameters) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "root", "");
             PreparedStatement prepared = prepare(c, statement, parameters)) {
            prepared.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + statement, e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
