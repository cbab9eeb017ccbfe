-- The heartbeat rewrites heartbeat_at of every streaming answer a few times a minute: with heartbeat_at in an index
-- each beat also moved that index entry of each answer. The sweep reads only the streaming rows (as many as answers
-- under way), so the status alone is index enough; the heartbeat then changes the row and nothing else.
CREATE INDEX ix_messages_status ON messages (status);
DROP INDEX ix_messages_status_heartbeat ON messages;
