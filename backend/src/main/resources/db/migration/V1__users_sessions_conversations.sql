-- Core schema: users, their web sessions, conversations and messages. utf8mb4 throughout (Korean text).

CREATE TABLE users (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    -- OpenID Connect subject ("sub"); development sign-in uses "dev:<email>". Users are found by this, never by email.
    oidc_subject  VARCHAR(255) NOT NULL,
    email         VARCHAR(320) NOT NULL,
    display_name  VARCHAR(200) NULL,
    created_at    DATETIME(6)  NOT NULL,
    last_seen_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_users_oidc_subject (oidc_subject)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Server-side sessions shared by every backend replica. Only a SHA-256 of the cookie value is stored.
CREATE TABLE web_sessions (
    id_hash       VARCHAR(64)  NOT NULL,
    user_id       BIGINT       NOT NULL,
    csrf_token    VARCHAR(64)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    last_seen_at  DATETIME(6)  NOT NULL,
    expires_at    DATETIME(6)  NOT NULL,
    user_agent    VARCHAR(300) NULL,
    ip_address    VARCHAR(64)  NULL,
    PRIMARY KEY (id_hash),
    KEY ix_web_sessions_user (user_id),
    CONSTRAINT fk_web_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE conversations (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    user_id     BIGINT       NOT NULL,
    title       VARCHAR(200) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_conversations_user_updated (user_id, updated_at),
    CONSTRAINT fk_conversations_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE messages (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    conversation_id  BIGINT       NOT NULL,
    role             VARCHAR(16)  NOT NULL,
    content          MEDIUMTEXT   NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    -- JSON: sources, flags, provider, model, usage, latency; written when the answer finishes.
    metadata         MEDIUMTEXT   NULL,
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_messages_conversation (conversation_id, id),
    CONSTRAINT fk_messages_conversation FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
