-- On PostgreSQL, an index's entries are not ordered by id after their columns as SQLite's are
-- (by rowid), so 0019's indexes did not give a proposal list page sorted by id there: it walked
-- the primary key and filtered, about 2,000 rows for a state and a city at 10,000 proposals
-- (1.4-1.7 ms a page; in ops/bench/mixed's computed reads, 55 % of PostgreSQL's statement time).
-- There they end with the id. SQLite's stay as they are.
@PG@ DROP INDEX proposals_state_id;
@PG@ CREATE INDEX proposals_state_id ON proposals (state, id);
@PG@ DROP INDEX proposals_city_state_id;
@PG@ CREATE INDEX proposals_city_state_id ON proposals (city_org_id, state, id);
@PG@ DROP INDEX proposals_city_updated;
@PG@ CREATE INDEX proposals_city_updated ON proposals (city_org_id, updated_at, id);
@PG@ DROP INDEX proposals_updated;
@PG@ CREATE INDEX proposals_updated ON proposals (updated_at, id);
