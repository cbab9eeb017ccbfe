-- Durable tier of the market-data cache: upstream answers (DART, KRX, Yahoo) kept by kind for as long as the
-- adapter's TTL says (immutable past prices and filings long, today's data short). The memory tier sits in front.
-- Keys can be long (query strings), so rows are found by a SHA-256 of system + key.

CREATE TABLE market_cache (
    key_hash              CHAR(64)      NOT NULL,
    source_system         VARCHAR(16)   NOT NULL,
    cache_key             VARCHAR(2000) NOT NULL,
    http_status           SMALLINT      NOT NULL,
    content_type          VARCHAR(200)  NOT NULL,
    body                  LONGBLOB      NOT NULL,
    fetched_at            DATETIME(6)   NOT NULL,
    snapshot_recorded_on  DATE          NULL,
    expires_at            DATETIME(6)   NOT NULL,
    PRIMARY KEY (key_hash),
    KEY ix_market_cache_expires (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
