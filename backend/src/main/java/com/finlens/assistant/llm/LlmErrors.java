package com.finlens.assistant.llm;

import com.finlens.integration.llm.LlmException;
import com.finlens.platform.http.ApiException;
import java.time.Duration;
import java.util.Map;

/**
 * Turns a provider failure into what the user sees: a stable problem type and a plain sentence. The upstream
 * message stays in the logs (ChatCompletionClient logs it without the key).
 */
public final class LlmErrors {

    private LlmErrors() {
    }

    public static ApiException toApiException(LlmException e) {
        return switch (e.kind()) {
            case INVALID_KEY -> new ApiException(502, "llm-invalid-key", "Language model unavailable",
                    "The language model provider rejected our credentials. The operators need to check the API key.");
            case MODEL_NOT_FOUND -> new ApiException(502, "llm-model-not-found", "Language model unavailable",
                    "The configured language model does not exist at the provider. The operators need to check the model name.");
            case QUOTA_EXHAUSTED -> new ApiException(503, "llm-quota-exhausted", "Language model unavailable",
                    "The language model account has run out of credit. Please try again later.");
            case RATE_LIMITED -> rateLimited(e.retryAfter());
            case TIMEOUT, COLD_START -> ApiException.unavailable("llm-timeout",
                    "The language model did not answer in time. Please try again in a minute.");
            case INTERRUPTED -> new ApiException(502, "llm-interrupted", "Answer cut off",
                    "The language model stopped in the middle of the answer. Please ask again.");
            case SERVER_ERROR, UNREACHABLE, BAD_RESPONSE, BAD_REQUEST -> ApiException.unavailable("llm-unavailable",
                    "The language model is not available right now. Please try again later.");
        };
    }

    private static ApiException rateLimited(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new ApiException(429, "llm-rate-limited", "Too many requests",
                "The language model is busy. Please try again in " + seconds + " seconds.",
                Map.of("retryAfterSeconds", seconds), Map.of("Retry-After", Long.toString(seconds)));
    }
}
