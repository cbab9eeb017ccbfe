-- Per-user API rate limit shared by every backend replica: one row per user per fixed window, incremented
-- atomically (INSERT ... ON DUPLICATE KEY UPDATE), so replicas behind a load balancer share one budget.
CREATE TABLE api_rate_windows (
    user_id       BIGINT       NOT NULL,
    window_start  DATETIME(0)  NOT NULL,
    hits          INT          NOT NULL,
    PRIMARY KEY (user_id, window_start),
    INDEX idx_api_rate_windows_start (window_start)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
