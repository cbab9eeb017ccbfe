package com.finlens.platform.auth;

import io.vertx.core.Future;

/**
 * Turns a session cookie value into the live session behind it, or null when unknown, expired or idle too long.
 * Sign-in (a feature) implements it, so the guard in platform needs no feature.
 */
public interface SessionResolver {

    Future<SignedInSession> resolve(String cookieValue);
}
