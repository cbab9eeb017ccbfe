package com.finlens.platform.http;

import java.util.Map;

/**
 * An expected failure with an HTTP meaning. The one failure handler turns it into problem+json (API) or the
 * error page (web). {@code type} is a stable slug, e.g. "invalid-parameter"; it becomes
 * {@code https://finlens.app/problems/<type>}. {@code detail} is shown to the user: never put secrets or
 * upstream bodies in it.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;

    public ApiException(int status, String type, String title, String detail) {
        this(status, type, title, detail, Map.of(), Map.of());
    }

    public ApiException(int status, String type, String title, String detail,
                        Map<String, Object> extensions, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.extensions = Map.copyOf(extensions);
        this.headers = Map.copyOf(headers);
    }

    public static ApiException badRequest(String parameter, String detail) {
        return new ApiException(400, "invalid-parameter", "Invalid parameter", detail,
                Map.of("parameter", parameter), Map.of());
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not-found", "Not found", what + " was not found");
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", "Sign-in required", detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Forbidden", detail);
    }

    public static ApiException tooManyRequests(long retryAfterSeconds, String detail) {
        return new ApiException(429, "rate-limited", "Too many requests", detail,
                Map.of("retryAfterSeconds", retryAfterSeconds), Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    public static ApiException unavailable(String type, String detail) {
        return new ApiException(503, type, "Service unavailable", detail);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
