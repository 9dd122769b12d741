-- A version's targets as one text value beside its proposal_targets rows (stores/plan_text.h):
-- every proposal read and transition loads its version's plan, about 60 rows in the demo, and
-- fetching them one by one was 17 % of a computed proposal read. Written with the rows in the
-- same transaction (IndicatorStore::replacePlans, copyPlans); the rows stay the record that
-- exports, results and checks query. A version whose column is NULL is read from its rows.
ALTER TABLE proposal_versions ADD COLUMN target_plan TEXT;

-- The versions written before: one line per row in row order, code TAB period TAB dimension TAB
-- value TAB amount LF ('' for no targets), except where a field holds a TAB or LF (left NULL).
-- SQLite's group_concat keeps an order only as a window function ordered by the row id.
@SQLITE@ UPDATE proposal_versions SET target_plan = (
@SQLITE@   SELECT COALESCE(MAX(plan), '') FROM (
@SQLITE@     SELECT group_concat(i.code || char(9) || t.period || char(9) || t.dimension || char(9) ||
@SQLITE@                         t.value_code || char(9) || t.amount || char(10), '')
@SQLITE@              OVER (ORDER BY t.id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS plan
@SQLITE@     FROM proposal_targets t JOIN indicators i ON i.id = t.indicator_id
@SQLITE@     WHERE t.version_id = proposal_versions.id))
@SQLITE@ WHERE NOT EXISTS (
@SQLITE@   SELECT 1 FROM proposal_targets t JOIN indicators i ON i.id = t.indicator_id
@SQLITE@   WHERE t.version_id = proposal_versions.id
@SQLITE@     AND (instr(i.code || t.dimension || t.value_code, char(9)) > 0
@SQLITE@          OR instr(i.code || t.dimension || t.value_code, char(10)) > 0));
@PG@ UPDATE proposal_versions v SET target_plan = COALESCE((
@PG@   SELECT string_agg(i.code || E'\t' || t.period || E'\t' || t.dimension || E'\t' ||
@PG@                     t.value_code || E'\t' || t.amount || E'\n', '' ORDER BY t.id)
@PG@   FROM proposal_targets t JOIN indicators i ON i.id = t.indicator_id
@PG@   WHERE t.version_id = v.id), '')
@PG@ WHERE NOT EXISTS (
@PG@   SELECT 1 FROM proposal_targets t JOIN indicators i ON i.id = t.indicator_id
@PG@   WHERE t.version_id = v.id AND (i.code || t.dimension || t.value_code) ~ E'[\t\n]');
