-- The clock (issue 16): reminders written by `tick` (services/usecases/tick_service.h), each once.
-- sent_reminders is the exactly-once key: one row per (record, reminder kind[, recipient city]),
-- written in the tick's transaction together with the reminder's mail in outbox_mail.
--   record_kind       'report', 'assignment', 'award' (a proposal awaiting a second fund
--                     manager) or 'call'
--   recipient_org_id  the city a call-closing reminder went to; 0 for the other kinds
--   outcome           'sent' (mail written, `mails` messages), or 'passed': an earlier window of
--                     the same record that a later one made pointless (a missed day catches up
--                     once: only the latest window is sent)
--   window_at         when the window opened (the record's due date plus the window's offset)
-- ReminderStore::forget deletes a record's rows, so that a moved due date re-arms them.
CREATE TABLE sent_reminders (
  id @ID@,
  record_kind TEXT NOT NULL CHECK (record_kind IN ('report', 'assignment', 'award', 'call')),
  record_id BIGINT NOT NULL,
  reminder_kind TEXT NOT NULL,
  recipient_org_id BIGINT NOT NULL DEFAULT 0,
  outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'passed')),
  mails INTEGER NOT NULL DEFAULT 0,
  window_at BIGINT NOT NULL,
  sent_at BIGINT NOT NULL,
  UNIQUE (record_kind, record_id, reminder_kind, recipient_org_id)
);

-- One leader among the `serve` instances for each periodic job (name 'clock'): an instance runs
-- the job only in a transaction that first takes or renews this row, which succeeds only when the
-- row is expired or already its own (services/stores/lease_store.h).
CREATE TABLE scheduler_lease (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);

-- A review is due 21 days after its assignment (modules/clock/reminders.h, kReviewDueMs);
-- assignments made before this migration get theirs from their creation time.
ALTER TABLE review_assignments ADD COLUMN due_at BIGINT;
UPDATE review_assignments SET due_at = created_at + 1814400000;
