package com.finlens.account.signin.tokens;

/** What the extension receives at sign-in and at every refresh. */
public record ExtensionTokens(String accessToken, String refreshToken, long expiresInSeconds) {
}
