package com.finlens.integration.upstream;

/**
 * A failed call to an outside system, classified so callers can decide: retry, fall back, or report.
 * The message is safe to show (no key, no raw body).
 */
public class UpstreamException extends RuntimeException {

    /** Why a call failed. */
    public enum Kind {
        /** Key missing, wrong, or not approved for this API. */
        UNAUTHORIZED(false),
        /** The upstream system asks us to slow down (HTTP 429, DART 020) or our own quota is used up. */
        RATE_LIMITED(true),
        /** The data portal wants an interactive login (KRX "LOGOUT"). */
        LOGIN_WALL(false),
        /** The upstream system does not know the thing asked for. */
        NOT_FOUND(false),
        /** We sent something the upstream system rejects. */
        INVALID_REQUEST(false),
        /** Timeouts, connection errors, 5xx, maintenance. */
        UNAVAILABLE(true),
        /** A body we cannot make sense of. */
        BAD_RESPONSE(false),
        /** Offline mode: the bundled snapshot has no recording for this call. */
        NOT_IN_SNAPSHOT(false),
        /** The circuit breaker is open after repeated failures. */
        CIRCUIT_OPEN(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final String system;
    private final Kind kind;
    private final int httpStatus;

    public UpstreamException(String system, Kind kind, int httpStatus, String message) {
        super(message, null, false, false);
        this.system = system;
        this.kind = kind;
        this.httpStatus = httpStatus;
    }

    public UpstreamException(String system, Kind kind, String message) {
        this(system, kind, 0, message);
    }

    public String system() {
        return system;
    }

    public Kind kind() {
        return kind;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public boolean retryable() {
        return kind.retryable();
    }

    /** Wraps anything thrown below us as an UpstreamException of the given system. */
    public static UpstreamException of(String system, Throwable t) {
        if (t instanceof UpstreamException u) {
            return u;
        }
        String what = t.getClass().getSimpleName();
        return new UpstreamException(system, Kind.UNAVAILABLE, system + " could not be reached (" + what + ")");
    }

    /** The usual meaning of an HTTP error status. */
    public static UpstreamException forStatus(String system, int status, String detail) {
        Kind kind = switch (status) {
            case 401, 403 -> Kind.UNAUTHORIZED;
            case 404 -> Kind.NOT_FOUND;
            case 429 -> Kind.RATE_LIMITED;
            case 400, 405, 422 -> Kind.INVALID_REQUEST;
            default -> status >= 500 ? Kind.UNAVAILABLE : Kind.BAD_RESPONSE;
        };
        return new UpstreamException(system, kind, status, system + " answered HTTP " + status
                + (detail == null || detail.isBlank() ? "" : ": " + detail));
    }
}
