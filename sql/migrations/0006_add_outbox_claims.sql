-- Who is sending a queued mail, and until when (DESIGN §8: several `serve` instances share one
-- outbox, and each message goes out once). A worker claims a batch in a short write transaction
-- (claimed_by = its id, claimed_until = now + lease), sends it, then records sent_at or the
-- failure and clears the claim. A claim whose lease has passed belongs to an instance that died
-- mid-batch: any worker may take the message again.
-- to_user_id names the user a message was written for (their address and language at that time
-- are in to_email and language); NULL for mail to an address that is no user's.
ALTER TABLE outbox_mail ADD COLUMN claimed_by TEXT;
ALTER TABLE outbox_mail ADD COLUMN claimed_until BIGINT;
ALTER TABLE outbox_mail ADD COLUMN to_user_id BIGINT REFERENCES users (id);
