-- How many answers each user was charged per UTC day: openWithin raises the day's counter only while it is below the
-- limit, so the quota stays exact with one row lock held from that update to the commit, instead of the user's row
-- locked across counting that day's llm_usage lines. A refund lowers the counter of the day its line started.
CREATE TABLE answer_quota_days (
    user_id BIGINT NOT NULL,
    day     DATE   NOT NULL,
    charged INT    NOT NULL,
    PRIMARY KEY (user_id, day),
    CONSTRAINT fk_answer_quota_days_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The answers already charged keep counting after the upgrade. llm_usage has no foreign key to users and outlives
-- deleted accounts; their lines have no counter to fill.
INSERT INTO answer_quota_days (user_id, day, charged)
SELECT l.user_id, DATE(l.started_at), COUNT(*)
FROM llm_usage l
JOIN users u ON u.id = l.user_id
WHERE l.status <> 'refunded'
GROUP BY l.user_id, DATE(l.started_at);
