package com.finlens.account.signin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signed-in browser. The primary key is the SHA-256 of the cookie value; the cookie itself is never stored. */
@Entity
@Table(name = "web_sessions")
public class WebSession {

    @Id
    @Column(name = "id_hash", length = 64)
    private String idHash;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "csrf_token", nullable = false, length = 64)
    private String csrfToken;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "user_agent", length = 300)
    private String userAgent;

    @Column(name = "ip_address", length = 64)
    private String ipAddress;

    protected WebSession() {
    }

    WebSession(String idHash, long userId, String csrfToken, Instant now, Instant expiresAt, String userAgent,
               String ipAddress) {
        this.idHash = idHash;
        this.userId = userId;
        this.csrfToken = csrfToken;
        this.createdAt = now;
        this.lastSeenAt = now;
        this.expiresAt = expiresAt;
        this.userAgent = userAgent;
        this.ipAddress = ipAddress;
    }

    public String getIdHash() {
        return idHash;
    }

    public long getUserId() {
        return userId;
    }

    public String getCsrfToken() {
        return csrfToken;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    void touch(Instant now) {
        this.lastSeenAt = now;
    }
}
