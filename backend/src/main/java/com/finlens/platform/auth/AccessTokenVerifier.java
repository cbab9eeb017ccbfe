package com.finlens.platform.auth;

import io.vertx.core.Future;

/** Turns a bearer access token (issued to the extension) into a user id, or null when invalid or expired. */
public interface AccessTokenVerifier {

    Future<Long> userIdFor(String accessToken);
}
