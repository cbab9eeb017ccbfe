package com.finlens.integration.llm;

import java.time.Duration;

/**
 * A failed call to a language model provider, classified so the router can decide on failover. The message is
 * for logs (it may quote the upstream error message, never the key); users see the mapped ApiException.
 */
public final class LlmException extends RuntimeException {

    public enum Kind {
        /** 401/403: the key is wrong or revoked. */
        INVALID_KEY,
        /** 404: the configured model does not exist on that provider. */
        MODEL_NOT_FOUND,
        /** 429 rate limit: retry after {@link #retryAfter()}. */
        RATE_LIMITED,
        /** 429 insufficient_quota: the account is out of credit. */
        QUOTA_EXHAUSTED,
        /** 5xx or an error object in the stream. */
        SERVER_ERROR,
        /** Connection refused, reset or DNS failure before an answer. */
        UNREACHABLE,
        /** No first token in time, or the total deadline passed. */
        TIMEOUT,
        /** RunPod has no warm worker, so the first token would come after a cold start. */
        COLD_START,
        /** The stream broke after tokens were sent. */
        INTERRUPTED,
        /** 400: we sent something the provider rejects. */
        BAD_REQUEST,
        /** Something that is not an OpenAI-compatible answer. */
        BAD_RESPONSE
    }

    private final Kind kind;
    private final String provider;
    private final Duration retryAfter;

    public LlmException(Kind kind, String provider, String message, Duration retryAfter) {
        super(provider + ": " + kind + ": " + message, null, false, false);
        this.kind = kind;
        this.provider = provider;
        this.retryAfter = retryAfter;
    }

    public LlmException(Kind kind, String provider, String message) {
        this(kind, provider, message, Duration.ZERO);
    }

    public Kind kind() {
        return kind;
    }

    public String provider() {
        return provider;
    }

    /** How long the provider asked us to wait (zero when it did not say). */
    public Duration retryAfter() {
        return retryAfter;
    }
}
