-- Four eyes on resetting a user's second factor (issue 17 part 4). One admin requests the reset
-- with a reason; a different admin, neither of them the user, confirms it within the request's
-- lifetime; the confirmation removes the user's second factor and recovery codes and ends their
-- sessions in the same transaction. A request is closed once: confirmed_by and closed_at are set
-- when confirmed; cancelled_by and closed_at when withdrawn; past expires_at it is dead unclosed.
CREATE TABLE second_factor_resets (
  id @ID@,
  user_id BIGINT NOT NULL REFERENCES users (id),
  requested_by BIGINT NOT NULL REFERENCES users (id),
  reason TEXT NOT NULL,
  requested_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  confirmed_by BIGINT REFERENCES users (id),
  cancelled_by BIGINT REFERENCES users (id),
  closed_at BIGINT
);
CREATE INDEX second_factor_resets_user ON second_factor_resets (user_id, closed_at);
