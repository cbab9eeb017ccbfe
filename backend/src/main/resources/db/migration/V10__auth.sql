-- Sign-in with Google and extension tokens. utf8mb4 throughout. Every secret is stored as its SHA-256 only,
-- except the PKCE verifier, which must be sent to Google once and is deleted with its attempt.

-- One Google sign-in in progress, keyed by the SHA-256 of its state; single-use (deleted when the callback
-- arrives), short-lived, and in the database so the callback may reach any replica.
CREATE TABLE oauth_attempts (
    state_hash              VARCHAR(64)   NOT NULL,
    nonce                   VARCHAR(64)   NOT NULL,
    code_verifier           VARCHAR(128)  NOT NULL,
    return_path             VARCHAR(500)  NOT NULL,
    -- Set for extension sign-in: the validated https://<id>.chromiumapp.org/... URI the tokens go to.
    extension_redirect_uri  VARCHAR(500)  NULL,
    -- Web sign-in: SHA-256 of a cookie set in the browser that started it, so a callback URL planted in another
    -- browser (login CSRF) is refused.
    browser_binding_hash    VARCHAR(64)   NULL,
    created_at              DATETIME(6)   NOT NULL,
    expires_at              DATETIME(6)   NOT NULL,
    PRIMARY KEY (state_hash),
    KEY ix_oauth_attempts_expires (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One extension sign-in ("device"): every refresh and access token descends from it; revoking it revokes them all.
CREATE TABLE extension_token_families (
    id            VARCHAR(64)   NOT NULL,
    user_id       BIGINT        NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    last_used_at  DATETIME(6)   NOT NULL,
    user_agent    VARCHAR(300)  NULL,
    ip_address    VARCHAR(64)   NULL,
    revoked_at    DATETIME(6)   NULL,
    PRIMARY KEY (id),
    KEY ix_extension_token_families_user (user_id),
    CONSTRAINT fk_extension_token_families_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Rotating refresh tokens: each use marks the token used and issues a child; a second use revokes the family.
CREATE TABLE refresh_tokens (
    token_hash   VARCHAR(64)   NOT NULL,
    family_id    VARCHAR(64)   NOT NULL,
    user_id      BIGINT        NOT NULL,
    parent_hash  VARCHAR(64)   NULL,
    created_at   DATETIME(6)   NOT NULL,
    expires_at   DATETIME(6)   NOT NULL,
    used_at      DATETIME(6)   NULL,
    revoked_at   DATETIME(6)   NULL,
    PRIMARY KEY (token_hash),
    KEY ix_refresh_tokens_family (family_id),
    KEY ix_refresh_tokens_expires (expires_at),
    CONSTRAINT fk_refresh_tokens_family FOREIGN KEY (family_id) REFERENCES extension_token_families (id) ON DELETE CASCADE,
    CONSTRAINT fk_refresh_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Short-lived opaque bearer tokens for the API.
CREATE TABLE access_tokens (
    token_hash  VARCHAR(64)   NOT NULL,
    family_id   VARCHAR(64)   NOT NULL,
    user_id     BIGINT        NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    expires_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (token_hash),
    KEY ix_access_tokens_family (family_id),
    KEY ix_access_tokens_expires (expires_at),
    CONSTRAINT fk_access_tokens_family FOREIGN KEY (family_id) REFERENCES extension_token_families (id) ON DELETE CASCADE,
    CONSTRAINT fk_access_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
