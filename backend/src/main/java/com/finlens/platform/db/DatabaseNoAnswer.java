package com.finlens.platform.db;

import java.time.Duration;

/**
 * A unit of work got no answer from the database in time: no pooled connection became free (the pool is
 * overwhelmed), or the work on its connection did not end (typically the connection was lost mid-commit).
 */
public final class DatabaseNoAnswer extends RuntimeException {

    private DatabaseNoAnswer(String message) {
        super(message);
    }

    static DatabaseNoAnswer noConnection(Duration limit) {
        return new DatabaseNoAnswer("No database connection became free within " + limit.toSeconds() + " s");
    }

    static DatabaseNoAnswer noAnswer(Duration limit) {
        return new DatabaseNoAnswer("The database did not answer within " + limit.toSeconds() + " s");
    }
}
