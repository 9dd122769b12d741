-- City and partner teams (issue 17 part 3).
--
-- An organisation lead (set by an admin) invites colleagues into their own organisation and
-- removes them. 0: an ordinary member.
ALTER TABLE users ADD COLUMN org_lead SMALLINT NOT NULL DEFAULT 0;

-- An invitation into one organisation with one role the organisation's kind allows. The token
-- is 32 random bytes mailed as a console link; only its SHA-256 is stored, as password_resets
-- does. It works once and until expires_at: accepting it sets accepted_at (and the user it
-- made), the lead withdrawing it sets revoked_at.
CREATE TABLE team_invitations (
  id @ID@,
  org_id BIGINT NOT NULL REFERENCES organisations (id),
  email TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('applicant', 'partner', 'fund_manager', 'admin', 'auditor')),
  language TEXT NOT NULL CHECK (language IN ('en', 'fr', 'es', 'pt')),
  token_hash TEXT NOT NULL UNIQUE,
  invited_by BIGINT NOT NULL REFERENCES users (id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  accepted_at BIGINT,
  accepted_user_id BIGINT REFERENCES users (id),
  revoked_at BIGINT
);
CREATE INDEX team_invitations_org ON team_invitations (org_id, email);
