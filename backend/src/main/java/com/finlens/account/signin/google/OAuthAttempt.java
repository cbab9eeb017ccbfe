package com.finlens.account.signin.google;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A Google sign-in in progress: what the callback must check (nonce), send (PKCE verifier) and where it goes next.
 * Keyed by the SHA-256 of the state; the state itself only travels through the browser.
 */
@Entity
@Table(name = "oauth_attempts")
public class OAuthAttempt {

    @Id
    @Column(name = "state_hash", length = 64)
    private String stateHash;

    @Column(name = "nonce", nullable = false, length = 64)
    private String nonce;

    @Column(name = "code_verifier", nullable = false, length = 128)
    private String codeVerifier;

    @Column(name = "return_path", nullable = false, length = 500)
    private String returnPath;

    @Column(name = "extension_redirect_uri", length = 500)
    private String extensionRedirectUri;

    @Column(name = "browser_binding_hash", length = 64)
    private String browserBindingHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected OAuthAttempt() {
    }

    OAuthAttempt(String stateHash, String nonce, String codeVerifier, String returnPath, String extensionRedirectUri,
                 String browserBindingHash, Instant now, Instant expiresAt) {
        this.stateHash = stateHash;
        this.nonce = nonce;
        this.codeVerifier = codeVerifier;
        this.returnPath = returnPath;
        this.extensionRedirectUri = extensionRedirectUri;
        this.browserBindingHash = browserBindingHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public String getNonce() {
        return nonce;
    }

    public String getCodeVerifier() {
        return codeVerifier;
    }

    public String getReturnPath() {
        return returnPath;
    }

    /** The extension's redirect URI, or null for a web sign-in. */
    public String getExtensionRedirectUri() {
        return extensionRedirectUri;
    }

    /** SHA-256 of the binding cookie of the browser that started a web sign-in; null for the extension. */
    public String getBrowserBindingHash() {
        return browserBindingHash;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
