package com.finlens.platform.auth;

/** The session behind a cookie-authenticated request: who it is and the CSRF token forms must carry. */
public record SignedInSession(String idHash, long userId, String csrfToken, String email, String displayName) {
}
