package com.finlens.platform.db;

/** A unit of work got no answer from the database in time (typically its connection was lost mid-commit). */
public final class DatabaseNoAnswer extends RuntimeException {

    DatabaseNoAnswer(java.time.Duration limit) {
        super("The database did not answer within " + limit.toSeconds() + " s");
    }
}
