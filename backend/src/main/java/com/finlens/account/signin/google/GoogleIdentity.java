package com.finlens.account.signin.google;

/** A verified Google account: subject (the stable id), a verified email and the display name. */
public record GoogleIdentity(String subject, String email, String name) {
}
