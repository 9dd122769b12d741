-- How many messages the outbox holds in each status, and the delivery attempts they took, kept
-- by triggers in the transaction that writes the message. The outbox keeps every message it
-- sends, and counting them by status grew with that history: at 463,470 messages the admins'
-- outbox page took 204 ms (SQLite), and so did every scrape of /metrics. The statuses are
-- services/stores/outbox_list.cpp's kRules, one CASE here: sent, else discarded, else dead,
-- else failed (an error), else queued. transfer::copyFund does not copy this table: the
-- target's triggers fill it as the messages go in.
CREATE TABLE outbox_tallies (
  status TEXT NOT NULL PRIMARY KEY,
  n BIGINT NOT NULL,
  attempts BIGINT NOT NULL
);

INSERT INTO outbox_tallies (status, n, attempts)
SELECT CASE WHEN sent_at IS NOT NULL THEN 'sent' WHEN discarded_at IS NOT NULL THEN 'discarded' WHEN dead_at IS NOT NULL THEN 'dead' WHEN last_error IS NOT NULL THEN 'failed' ELSE 'queued' END, COUNT(*), COALESCE(SUM(attempts), 0) FROM outbox_mail GROUP BY 1;

-- The list's order, most recent first, read from an index instead of sorting every message;
-- and for the few that went wrong, which admins list by status (failed, dead, discarded) and
-- find in their inbox, indexes of those alone: walking the whole outbox's order to find them
-- took 227 ms at 463,470 messages.
CREATE INDEX outbox_mail_created ON outbox_mail (created_at, id);
CREATE INDEX outbox_mail_erred ON outbox_mail (created_at, id) WHERE last_error IS NOT NULL;
CREATE INDEX outbox_mail_dead ON outbox_mail (created_at, id) WHERE dead_at IS NOT NULL;
CREATE INDEX outbox_mail_discarded ON outbox_mail (created_at, id) WHERE discarded_at IS NOT NULL;

@SQLITE@ CREATE TRIGGER outbox_tally_insert AFTER INSERT ON outbox_mail BEGIN INSERT INTO outbox_tallies (status, n, attempts) VALUES (CASE WHEN NEW.sent_at IS NOT NULL THEN 'sent' WHEN NEW.discarded_at IS NOT NULL THEN 'discarded' WHEN NEW.dead_at IS NOT NULL THEN 'dead' WHEN NEW.last_error IS NOT NULL THEN 'failed' ELSE 'queued' END, 1, NEW.attempts) ON CONFLICT (status) DO UPDATE SET n = n + 1, attempts = attempts + excluded.attempts; END;
@SQLITE@ CREATE TRIGGER outbox_tally_delete AFTER DELETE ON outbox_mail BEGIN UPDATE outbox_tallies SET n = n - 1, attempts = attempts - OLD.attempts WHERE status = CASE WHEN OLD.sent_at IS NOT NULL THEN 'sent' WHEN OLD.discarded_at IS NOT NULL THEN 'discarded' WHEN OLD.dead_at IS NOT NULL THEN 'dead' WHEN OLD.last_error IS NOT NULL THEN 'failed' ELSE 'queued' END; END;
@SQLITE@ CREATE TRIGGER outbox_tally_update AFTER UPDATE OF sent_at, dead_at, discarded_at, last_error, attempts ON outbox_mail BEGIN UPDATE outbox_tallies SET n = n - 1, attempts = attempts - OLD.attempts WHERE status = CASE WHEN OLD.sent_at IS NOT NULL THEN 'sent' WHEN OLD.discarded_at IS NOT NULL THEN 'discarded' WHEN OLD.dead_at IS NOT NULL THEN 'dead' WHEN OLD.last_error IS NOT NULL THEN 'failed' ELSE 'queued' END; INSERT INTO outbox_tallies (status, n, attempts) VALUES (CASE WHEN NEW.sent_at IS NOT NULL THEN 'sent' WHEN NEW.discarded_at IS NOT NULL THEN 'discarded' WHEN NEW.dead_at IS NOT NULL THEN 'dead' WHEN NEW.last_error IS NOT NULL THEN 'failed' ELSE 'queued' END, 1, NEW.attempts) ON CONFLICT (status) DO UPDATE SET n = n + 1, attempts = attempts + excluded.attempts; END;

@PG@ CREATE FUNCTION outbox_tally() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP IN ('UPDATE', 'DELETE') THEN UPDATE outbox_tallies SET n = n - 1, attempts = attempts - OLD.attempts WHERE status = CASE WHEN OLD.sent_at IS NOT NULL THEN 'sent' WHEN OLD.discarded_at IS NOT NULL THEN 'discarded' WHEN OLD.dead_at IS NOT NULL THEN 'dead' WHEN OLD.last_error IS NOT NULL THEN 'failed' ELSE 'queued' END; END IF; IF TG_OP IN ('INSERT', 'UPDATE') THEN INSERT INTO outbox_tallies (status, n, attempts) VALUES (CASE WHEN NEW.sent_at IS NOT NULL THEN 'sent' WHEN NEW.discarded_at IS NOT NULL THEN 'discarded' WHEN NEW.dead_at IS NOT NULL THEN 'dead' WHEN NEW.last_error IS NOT NULL THEN 'failed' ELSE 'queued' END, 1, NEW.attempts) ON CONFLICT (status) DO UPDATE SET n = outbox_tallies.n + 1, attempts = outbox_tallies.attempts + EXCLUDED.attempts; END IF; RETURN NULL; END $$;
@PG@ CREATE TRIGGER outbox_tally_insert_delete AFTER INSERT OR DELETE ON outbox_mail FOR EACH ROW EXECUTE FUNCTION outbox_tally();
@PG@ CREATE TRIGGER outbox_tally_update AFTER UPDATE OF sent_at, dead_at, discarded_at, last_error, attempts ON outbox_mail FOR EACH ROW EXECUTE FUNCTION outbox_tally();
