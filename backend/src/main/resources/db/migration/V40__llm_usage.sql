-- One line per language-model answer: counts against the user's daily quota unless refunded,
-- and keeps token usage, latency and estimated cost for accounting.
CREATE TABLE llm_usage (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    user_id            BIGINT        NOT NULL,
    conversation_id    BIGINT        NOT NULL,
    started_at         DATETIME(3)   NOT NULL,
    -- pending (streaming), completed, cancelled (client left), cut_off (provider died mid-answer), refunded
    status             VARCHAR(16)   NOT NULL,
    provider           VARCHAR(32)   NULL,
    model              VARCHAR(200)  NULL,
    prompt_tokens      INT           NOT NULL DEFAULT 0,
    completion_tokens  INT           NOT NULL DEFAULT 0,
    usage_reported     BOOLEAN       NOT NULL DEFAULT FALSE,
    first_token_ms     INT           NULL,
    total_ms           INT           NULL,
    estimated_cost_usd DECIMAL(12, 6) NOT NULL DEFAULT 0,
    refund_reason      VARCHAR(64)   NULL,
    PRIMARY KEY (id),
    INDEX idx_llm_usage_user_started (user_id, started_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
