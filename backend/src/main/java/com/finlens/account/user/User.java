package com.finlens.account.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person who signed in. Found by OIDC subject, never by email (emails change and can be reused). */
@Entity
@Table(name = "users")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "oidc_subject", nullable = false, length = 320)
    private String oidcSubject;

    @Column(name = "email", nullable = false, length = 320)
    private String email;

    @Column(name = "display_name", length = 200)
    private String displayName;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    protected User() {
    }

    public User(String oidcSubject, String email, String displayName, Instant now) {
        this.oidcSubject = oidcSubject;
        this.email = email;
        this.displayName = displayName;
        this.createdAt = now;
        this.lastSeenAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getOidcSubject() {
        return oidcSubject;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    void signedIn(String email, String displayName, Instant now) {
        this.email = email;
        this.displayName = displayName;
        this.lastSeenAt = now;
    }
}
