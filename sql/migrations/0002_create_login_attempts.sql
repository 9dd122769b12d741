-- Failed sign-ins, counted per email whether or not a user has that email, so that lockouts
-- (answered 429) never tell which emails exist. `email_hash` is SHA-256 of the lower-cased email.
CREATE TABLE login_attempts (
  email_hash TEXT PRIMARY KEY,
  failures INTEGER NOT NULL DEFAULT 0,
  window_start BIGINT NOT NULL,
  locked_until BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
