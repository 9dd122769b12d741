-- Threads (issue 15): messages between a city and the fund (and the partners) on one proposal or
-- one grant, each shared with the city or internal to the fund and the partners
-- (modules/access/thread_access.h says who reads and writes which). A message is written once
-- and never changed; its audit event carries the same body (services/usecases/message_service.h).
--   author_side   whom the author wrote for, fixed when written: the record's city, the fund, or a
--                 partner organisation (the inbox asks whose turn it is by it)
-- Files of a message go to the attachments table like a proposal's or a report's files (the same
-- 20 MiB limit and content check), with message_id set and proposal_id and report_id null.
CREATE TABLE messages (
  id @ID@,
  proposal_id BIGINT REFERENCES proposals (id),
  grant_id BIGINT REFERENCES grants (id),
  visibility TEXT NOT NULL CHECK (visibility IN ('shared', 'internal')),
  body TEXT NOT NULL,
  author_id BIGINT NOT NULL REFERENCES users (id),
  author_org_id BIGINT NOT NULL REFERENCES organisations (id),
  author_side TEXT NOT NULL CHECK (author_side IN ('city', 'fund', 'partner')),
  created_at BIGINT NOT NULL,
  CHECK ((proposal_id IS NULL AND grant_id IS NOT NULL) OR (proposal_id IS NOT NULL AND grant_id IS NULL)),
  -- a city never writes an internal message
  CHECK (author_side <> 'city' OR visibility = 'shared')
);

CREATE INDEX messages_proposal ON messages (proposal_id, id);
CREATE INDEX messages_grant ON messages (grant_id, id);

ALTER TABLE attachments ADD COLUMN message_id BIGINT REFERENCES messages (id);

CREATE INDEX attachments_message ON attachments (message_id, id);
