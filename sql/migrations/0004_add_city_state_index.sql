-- A city's proposals by state in update order: the console's most common list (a city filter,
-- a state filter, newest first) and its count read only the matching index entries.
-- It serves every query proposals_city served, which it replaces.
DROP INDEX proposals_city;
CREATE INDEX proposals_city_state ON proposals (city_org_id, state, updated_at, id);
