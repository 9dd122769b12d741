-- Forgotten passwords (issue 15 part 4). A reset token is 32 random bytes mailed as a link; only
-- its SHA-256 is stored, like a session's. A token works once: its use, a password change or a
-- reset of its user by another token sets used_at, and it dies at expires_at in any case.
CREATE TABLE password_resets (
  id @ID@,
  user_id BIGINT NOT NULL REFERENCES users (id),
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX password_resets_user ON password_resets (user_id);

-- Reset requests per email, counted whether or not a user has that email (`email_hash` is
-- SHA-256 of the lower-cased email, as in login_attempts): past a few in a window no more mail
-- goes out, so the route cannot flood one inbox from many addresses, and a known and an unknown
-- email cost the same write.
CREATE TABLE password_reset_requests (
  email_hash TEXT PRIMARY KEY,
  window_start BIGINT NOT NULL,
  requests INTEGER NOT NULL
);
