package com.finlens.integration.weaviate;

import java.util.List;

/** Weaviate refused or failed a call; for batches, {@link #itemErrors()} lists each rejected object's reason. */
public class WeaviateException extends RuntimeException {

    private final List<String> itemErrors;

    public WeaviateException(String message) {
        this(message, List.of());
    }

    public WeaviateException(String message, List<String> itemErrors) {
        super(message, null, false, false);
        this.itemErrors = List.copyOf(itemErrors);
    }

    public List<String> itemErrors() {
        return itemErrors;
    }
}
