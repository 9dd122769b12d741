-- A second counter on the audit head: audited changes to who a credential stands for (users,
-- their roles and sessions, API tokens). Caches of sessions and tokens are keyed by it, so the
-- steady stream of workflow changes does not drop them.
ALTER TABLE audit_head ADD COLUMN identity_seq BIGINT NOT NULL DEFAULT 0;
