-- Amendments (issue 16): a governed change to a running grant (modules/workflow/amendment_flow.h).
-- One amendment carries one or several kinds: a no-cost extension (new_ends_at), an amount change
-- (new_amount_minor), a reallocation between budget lines (amendment_budget_lines: line -> new
-- amount, Σ unchanged) and a re-plan of tranches not yet disbursed (amendment_tranches: seq ->
-- amount, milestone, planned date). Applying it writes a new version of the grant's terms.
--   proposed_by_city  1: the city's applicant requested it; 0: a fund manager proposed it
--   terms_number      the grant_terms version the amendment wrote when applied
CREATE TABLE amendments (
  id @ID@,
  grant_id BIGINT NOT NULL REFERENCES grants (id),
  state TEXT NOT NULL,
  kinds TEXT NOT NULL,
  reason TEXT NOT NULL,
  proposed_by_city SMALLINT NOT NULL CHECK (proposed_by_city IN (0, 1)),
  proposed_by BIGINT NOT NULL REFERENCES users (id),
  new_ends_at BIGINT,
  new_amount_minor BIGINT CHECK (new_amount_minor IS NULL OR new_amount_minor > 0),
  requested_at BIGINT,
  reviewed_by BIGINT REFERENCES users (id),
  review_note TEXT,
  approved_by BIGINT REFERENCES users (id),
  approved_at BIGINT,
  applied_by BIGINT REFERENCES users (id),
  applied_at BIGINT,
  terms_number INTEGER,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX amendments_grant ON amendments (grant_id, id);
CREATE INDEX amendments_state ON amendments (state, id);

CREATE TABLE amendment_budget_lines (
  id @ID@,
  amendment_id BIGINT NOT NULL REFERENCES amendments (id),
  budget_line_id BIGINT NOT NULL REFERENCES budget_lines (id),
  amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0),
  UNIQUE (amendment_id, budget_line_id)
);

CREATE TABLE amendment_tranches (
  id @ID@,
  amendment_id BIGINT NOT NULL REFERENCES amendments (id),
  seq INTEGER NOT NULL,
  amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0),
  milestone TEXT NOT NULL DEFAULT '',
  planned_at BIGINT,
  UNIQUE (amendment_id, seq)
);

-- The grant's terms as versions: number 1 is the terms as awarded (written when the first
-- amendment of the grant is drafted), each applied amendment adds the next. Old versions are
-- never changed, so any two can be compared.
CREATE TABLE grant_terms (
  id @ID@,
  grant_id BIGINT NOT NULL REFERENCES grants (id),
  number INTEGER NOT NULL,
  amendment_id BIGINT REFERENCES amendments (id),
  amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
  ends_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (grant_id, number)
);

CREATE TABLE grant_term_lines (
  id @ID@,
  terms_id BIGINT NOT NULL REFERENCES grant_terms (id),
  budget_line_id BIGINT NOT NULL REFERENCES budget_lines (id),
  amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0),
  UNIQUE (terms_id, budget_line_id)
);

CREATE TABLE grant_term_tranches (
  id @ID@,
  terms_id BIGINT NOT NULL REFERENCES grant_terms (id),
  seq INTEGER NOT NULL,
  amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0),
  milestone TEXT NOT NULL DEFAULT '',
  planned_at BIGINT,
  state TEXT NOT NULL,
  UNIQUE (terms_id, seq)
);

-- The grant's end date once an extension moved it (null: as awarded, created_at + duration).
ALTER TABLE grants ADD COLUMN ends_at BIGINT;

-- Above this share of the grant (basis points), a reallocation needs the supporting partner's review.
ALTER TABLE calls ADD COLUMN reallocation_review_bp INTEGER NOT NULL DEFAULT 1000;
