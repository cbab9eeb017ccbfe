-- Answers under way touch heartbeat_at every few seconds (AnswerHeartbeat, on the replica streaming them); a sweep
-- on every replica marks streaming answers whose heartbeat stopped (their replica crashed or was killed) as failed.
ALTER TABLE messages ADD COLUMN heartbeat_at DATETIME(6) NULL AFTER updated_at;
UPDATE messages SET heartbeat_at = updated_at;
CREATE INDEX ix_messages_status_heartbeat ON messages (status, heartbeat_at);
