package com.finlens.knowledge.embedding;

/** Embedding failed or produced vectors that do not fit the index (wrong model or dimension). */
public class EmbeddingException extends RuntimeException {

    public EmbeddingException(String message) {
        super(message);
    }

    public EmbeddingException(String message, Throwable cause) {
        super(message, cause);
    }
}
