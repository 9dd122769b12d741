-- Mail that cannot be delivered stops being retried (issue 16): `dead_at` when a relay refused it
-- for good (an SMTP 5xx reply, or an address that is no address) or it was still unsent past the
-- age limit (serve --mail-max-age-hours, 72 by default), its last reply kept in last_error. An
-- admin requeues a dead message (dead_at cleared, due at once) or discards it (`discarded_at`:
-- never sent, kept for the record). The worker claims neither.
ALTER TABLE outbox_mail ADD COLUMN dead_at BIGINT;
ALTER TABLE outbox_mail ADD COLUMN discarded_at BIGINT;
