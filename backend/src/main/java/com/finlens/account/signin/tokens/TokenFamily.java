package com.finlens.account.signin.tokens;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One extension sign-in (a "device"): all its refresh and access tokens descend from it. */
@Entity
@Table(name = "extension_token_families")
public class TokenFamily {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at", nullable = false)
    private Instant lastUsedAt;

    @Column(name = "user_agent", length = 300)
    private String userAgent;

    @Column(name = "ip_address", length = 64)
    private String ipAddress;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected TokenFamily() {
    }

    TokenFamily(String id, long userId, Instant now, String userAgent, String ipAddress) {
        this.id = id;
        this.userId = userId;
        this.createdAt = now;
        this.lastUsedAt = now;
        this.userAgent = userAgent;
        this.ipAddress = ipAddress;
    }

    public String getId() {
        return id;
    }

    public long getUserId() {
        return userId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    void used(Instant now, String userAgent, String ipAddress) {
        this.lastUsedAt = now;
        this.userAgent = userAgent;
        this.ipAddress = ipAddress;
    }
}
