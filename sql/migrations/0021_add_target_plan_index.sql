-- A version's indicator targets in the order they were given, read from this index alone: every
-- proposal read and every transition loads its current version's plan (≈60 rows in the demo).
-- Through the unique index the rows were looked up one by one in the table and then sorted by
-- id: 24 % of a computed proposal read. SQLite then reads them in id order straight from here.
CREATE INDEX proposal_targets_plan
  ON proposal_targets (version_id, id, indicator_id, period, dimension, value_code, amount);
