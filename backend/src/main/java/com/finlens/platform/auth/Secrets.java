package com.finlens.platform.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random tokens and their hashes. Tokens are stored only as SHA-256 hashes. */
public final class Secrets {

    /**
     * One digest per thread, reused: asking the security providers for one ({@code getInstance}) on every signed-in
     * request cost most of the hashing's time, and cloning one per call still allocated ~400 bytes per signed-in
     * request (docs/benchmarks.md). {@code digest()} resets it, and a thread never hashes two values at once.
     */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Secrets::newSha256);

    private final SecureRandom random = new SecureRandom();

    /** A URL-safe random token with 256 bits of entropy. */
    public String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String sha256(String value) {
        return HexFormat.of().formatHex(SHA256.get().digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison, so a token check leaks nothing through timing. */
    public static boolean sameSecret(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
