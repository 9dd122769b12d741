-- What the money achieved and whose money it was (DESIGN §10): the indicator catalog, the
-- indicators a call chose, a proposal version's baselines and targets, a report's results, and
-- donors' funding chapters with each grant's allocation among them.
-- Lines marked for one dialect (see db::forDialect) run on that dialect only.

-- Organisations of a new kind, donor. SQLite cannot alter a CHECK constraint; its documented way
-- for a constraint that only widens (https://sqlite.org/lang_altertable.html, "otheralter") is to
-- rewrite the table's schema text in place, which needs no copy of the table and keeps the
-- foreign keys that point at it.
@SQLITE@ PRAGMA writable_schema = ON;
@SQLITE@ UPDATE sqlite_master SET sql = replace(sql, 'CHECK (kind IN (''fund'', ''partner'', ''city''))', 'CHECK (kind IN (''fund'', ''partner'', ''city'', ''donor''))') WHERE type = 'table' AND name = 'organisations';
@SQLITE@ PRAGMA writable_schema = RESET;
@PG@ ALTER TABLE organisations DROP CONSTRAINT organisations_kind_check;
@PG@ ALTER TABLE organisations ADD CONSTRAINT organisations_kind_check CHECK (kind IN ('fund', 'partner', 'city', 'donor'));

CREATE TABLE indicators (
  id @ID@,
  code TEXT NOT NULL UNIQUE,
  unit TEXT NOT NULL CHECK (unit IN ('people', 'households', 'services', 'currency', 'percentage', 'yes_no')),
  aggregation TEXT NOT NULL CHECK (aggregation IN ('sum', 'latest', 'max')),
  dimensions TEXT NOT NULL DEFAULT '',  -- dimension codes, comma-separated, in display order
  name_en TEXT NOT NULL,
  name_fr TEXT NOT NULL,
  name_es TEXT NOT NULL,
  name_pt TEXT NOT NULL,
  definition_en TEXT NOT NULL DEFAULT '',
  definition_fr TEXT NOT NULL DEFAULT '',
  definition_es TEXT NOT NULL DEFAULT '',
  definition_pt TEXT NOT NULL DEFAULT '',
  active SMALLINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE call_indicators (
  id @ID@,
  call_id BIGINT NOT NULL REFERENCES calls (id),
  indicator_id BIGINT NOT NULL REFERENCES indicators (id),
  seq INTEGER NOT NULL,
  required SMALLINT NOT NULL DEFAULT 0,
  UNIQUE (call_id, indicator_id)
);

-- A proposal version's baseline (period 0, total only) and targets per reporting period; a
-- breakdown cell has its dimension and value, the total has both empty.
CREATE TABLE proposal_targets (
  id @ID@,
  version_id BIGINT NOT NULL REFERENCES proposal_versions (id),
  indicator_id BIGINT NOT NULL REFERENCES indicators (id),
  period INTEGER NOT NULL CHECK (period >= 0),
  dimension TEXT NOT NULL DEFAULT '',
  value_code TEXT NOT NULL DEFAULT '',
  amount BIGINT NOT NULL CHECK (amount >= 0),
  UNIQUE (version_id, indicator_id, period, dimension, value_code)
);

-- A report's result on one indicator for its period, with the cells of its breakdown.
CREATE TABLE report_results (
  id @ID@,
  report_id BIGINT NOT NULL REFERENCES reports (id),
  indicator_id BIGINT NOT NULL REFERENCES indicators (id),
  period INTEGER NOT NULL CHECK (period >= 1),
  comment TEXT NOT NULL DEFAULT '',
  evidence TEXT NOT NULL DEFAULT '',  -- attachment ids of the same report, comma-separated
  UNIQUE (report_id, indicator_id)
);
CREATE TABLE report_result_cells (
  id @ID@,
  result_id BIGINT NOT NULL REFERENCES report_results (id),
  dimension TEXT NOT NULL DEFAULT '',
  value_code TEXT NOT NULL DEFAULT '',
  amount BIGINT NOT NULL CHECK (amount >= 0),
  UNIQUE (result_id, dimension, value_code)
);

CREATE TABLE chapters (
  id @ID@,
  donor_org_id BIGINT NOT NULL REFERENCES organisations (id),
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  theme TEXT NOT NULL DEFAULT '',
  currency TEXT NOT NULL,
  committed_minor BIGINT NOT NULL CHECK (committed_minor >= 0),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE call_chapters (
  id @ID@,
  call_id BIGINT NOT NULL REFERENCES calls (id),
  chapter_id BIGINT NOT NULL REFERENCES chapters (id),
  seq INTEGER NOT NULL,
  UNIQUE (call_id, chapter_id)
);

CREATE TABLE grant_allocations (
  id @ID@,
  grant_id BIGINT NOT NULL REFERENCES grants (id),
  chapter_id BIGINT NOT NULL REFERENCES chapters (id),
  seq INTEGER NOT NULL,
  amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
  UNIQUE (grant_id, chapter_id)
);
CREATE INDEX grant_allocations_chapter ON grant_allocations (chapter_id);

-- Organisations' countries become ISO 3166-1 alpha-2 codes, so results roll up per country; the
-- names earlier demo funds were seeded with are converted, any other value stays as it was.
UPDATE organisations SET country = 'UG' WHERE country = 'Uganda';
UPDATE organisations SET country = 'UY' WHERE country = 'Uruguay';
UPDATE organisations SET country = 'CO' WHERE country = 'Colombia';
UPDATE organisations SET country = 'BR' WHERE country = 'Brazil';
UPDATE organisations SET country = 'CI' WHERE country = 'Côte d''Ivoire';
UPDATE organisations SET country = 'JO' WHERE country = 'Jordan';
UPDATE organisations SET country = 'GR' WHERE country = 'Greece';
UPDATE organisations SET country = 'BD' WHERE country = 'Bangladesh';
