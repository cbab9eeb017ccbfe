package com.finlens.integration.llm;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Classifies an OpenAI-style error answer ({"error":{"message","type","code"}}) by status and code. */
final class UpstreamErrors {

    /** OpenAI rate-limit messages say "Please try again in 26.604s" when no Retry-After header is sent. */
    private static final Pattern TRY_AGAIN = Pattern.compile("try again in (\\d+(?:\\.\\d+)?)(ms|s)");

    private UpstreamErrors() {
    }

    static LlmException fromStatus(String provider, int status, String retryAfterHeader, String body) {
        JsonObject error = errorObject(body);
        String code = error.getValue("code") instanceof String c ? c : "";
        String message = error.getValue("message") instanceof String m ? m : "HTTP " + status;
        String detail = "HTTP " + status + (code.isEmpty() ? "" : " " + code) + ": " + message;
        if (status == 401 || status == 403) {
            return new LlmException(LlmException.Kind.INVALID_KEY, provider, "HTTP " + status + " " + code);
        }
        if (status == 404) {
            return new LlmException(LlmException.Kind.MODEL_NOT_FOUND, provider, detail);
        }
        if (status == 429) {
            if ("insufficient_quota".equals(code) || "insufficient_quota".equals(error.getValue("type"))) {
                return new LlmException(LlmException.Kind.QUOTA_EXHAUSTED, provider, detail);
            }
            return new LlmException(LlmException.Kind.RATE_LIMITED, provider, detail,
                    retryAfter(retryAfterHeader, message));
        }
        if (status >= 500) {
            return new LlmException(LlmException.Kind.SERVER_ERROR, provider, detail);
        }
        return new LlmException(LlmException.Kind.BAD_REQUEST, provider, detail);
    }

    static Duration retryAfter(String header, String message) {
        if (header != null) {
            try {
                return Duration.ofMillis(Math.round(Double.parseDouble(header.trim()) * 1000));
            } catch (NumberFormatException e) {
                // An HTTP date is allowed too; the message hint below or the cool-down covers it.
            }
        }
        Matcher hint = TRY_AGAIN.matcher(message);
        if (hint.find()) {
            double amount = Double.parseDouble(hint.group(1));
            return Duration.ofMillis(Math.round(hint.group(2).equals("ms") ? amount : amount * 1000));
        }
        return Duration.ZERO;
    }

    private static JsonObject errorObject(String body) {
        try {
            JsonObject json = new JsonObject(body);
            JsonObject error = json.getJsonObject("error");
            return error == null ? new JsonObject() : error;
        } catch (DecodeException | ClassCastException e) {
            return new JsonObject();
        }
    }
}
