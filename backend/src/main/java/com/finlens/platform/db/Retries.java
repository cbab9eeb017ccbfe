package com.finlens.platform.db;

import io.vertx.core.Future;
import io.vertx.mysqlclient.MySQLException;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Re-runs a whole transaction that MySQL/MariaDB rolled back to break a deadlock (1213) or a lock wait (1205).
 * Only for transactions that are safe to repeat from the start, which is every transaction the database aborted.
 */
public final class Retries {

    private static final int ATTEMPTS = 4;

    private Retries() {
    }

    public static <T> Future<T> onSerializationFailure(Supplier<Future<T>> transaction) {
        return attempt(transaction, 1);
    }

    private static <T> Future<T> attempt(Supplier<Future<T>> transaction, int attempt) {
        return transaction.get().recover(e -> attempt < ATTEMPTS && isSerializationFailure(e)
                ? attempt(transaction, attempt + 1) : Future.failedFuture(e));
    }

    static boolean isSerializationFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // Hibernate Reactive reports it as java.sql.SQLException (errorCode 1213); the client as MySQLException.
            int code = t instanceof SQLException sql ? sql.getErrorCode()
                    : t instanceof MySQLException mysql ? mysql.getErrorCode() : 0;
            if (code == 1213 || code == 1205) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
