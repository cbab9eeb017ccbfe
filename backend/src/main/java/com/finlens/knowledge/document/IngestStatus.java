package com.finlens.knowledge.document;

/** Where a document's ingestion stands; the lower-case name is what the API and the database hold. */
public enum IngestStatus {
    queued, running, done, failed;

    public boolean finished() {
        return this == done || this == failed;
    }
}
