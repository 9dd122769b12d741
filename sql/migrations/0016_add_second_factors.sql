-- A second factor for sign-in and before money moves (issue 17 parts 1 and 2).
--
-- A user's TOTP key (RFC 6238: SHA-1, 6 digits, 30-second steps), in Base32 as authenticator
-- apps take it. confirmed_at stays NULL while an enrolment waits for its first code; only a
-- confirmed factor is asked for at sign-in. last_used_step is the time step of the last code
-- accepted: a code of that step or an earlier one is refused (a code works once).
CREATE TABLE second_factors (
  user_id BIGINT PRIMARY KEY REFERENCES users (id),
  secret TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  confirmed_at BIGINT,
  last_used_step BIGINT NOT NULL DEFAULT 0
);

-- Ten single-use codes for a lost phone, shown once at enrolment. Each is 50 random bits, stored
-- as "salt:SHA-256(salt || code)" with a random 32-bit salt of its own (ASVS 2.6.2).
CREATE TABLE recovery_codes (
  id @ID@,
  user_id BIGINT NOT NULL REFERENCES users (id),
  code_hash TEXT NOT NULL,
  used_at BIGINT,
  UNIQUE (user_id, code_hash)
);

-- When this session last proved the second factor for a payment (step-up); 0: never.
ALTER TABLE sessions ADD COLUMN stepped_up_at BIGINT NOT NULL DEFAULT 0;

-- What a machine client's token may do, space-separated: read, write, payments.
ALTER TABLE api_tokens ADD COLUMN scopes TEXT NOT NULL DEFAULT 'read write';
