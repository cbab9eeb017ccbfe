package com.finlens.knowledge.ingest;

/** A URL that may not or could not be fetched; the message says why and is safe to show to the user. */
public class FetchRejectedException extends RuntimeException {

    public FetchRejectedException(String message) {
        super(message, null, false, false);
    }
}
