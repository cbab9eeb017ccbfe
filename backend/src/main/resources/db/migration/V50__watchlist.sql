-- Watchlist and DART disclosure feed (issue 14). Filings are stored once per DART receipt number, whoever watches
-- the company; each user's read state is one watermark over the filing ids.

CREATE TABLE watched_company (
    user_id        BIGINT       NOT NULL,
    -- MarketCompany.id(): the KRX code, or the Yahoo symbol of a company without one
    company_key    VARCHAR(32)  NOT NULL,
    company_name   VARCHAR(200) NOT NULL,
    -- null for companies DART does not cover (US listings): they are watched but have no filings
    dart_corp_code VARCHAR(8)   NULL,
    added_at       DATETIME(3)  NOT NULL,
    PRIMARY KEY (user_id, company_key),
    INDEX idx_watched_company_corp (dart_corp_code),
    CONSTRAINT fk_watched_company_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE watch_filing (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    rcept_no       VARCHAR(20)  NOT NULL,
    dart_corp_code VARCHAR(8)   NOT NULL,
    report_name    VARCHAR(500) NOT NULL,
    filer          VARCHAR(200) NOT NULL,
    received_on    DATE         NOT NULL,
    first_seen_at  DATETIME(3)  NOT NULL,
    -- found by a poll over the bundled DART recording (no DART key), not the live service
    offline        BOOLEAN      NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_watch_filing_rcept_no (rcept_no),
    INDEX idx_watch_filing_corp (dart_corp_code, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE watch_read_state (
    user_id        BIGINT       NOT NULL,
    -- every filing with an id up to this one is read
    read_up_to     BIGINT       NOT NULL,
    PRIMARY KEY (user_id),
    CONSTRAINT fk_watch_read_state_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row: which replica polls DART, until when, and the requests it spent today (Asia/Seoul) of the budget.
CREATE TABLE watch_poll_lease (
    name           VARCHAR(32)  NOT NULL,
    holder         VARCHAR(64)  NULL,
    expires_at     DATETIME(3)  NOT NULL,
    budget_day     DATE         NULL,
    budget_used    INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO watch_poll_lease (name, holder, expires_at) VALUES ('dart', NULL, '1970-01-01 00:00:00');
