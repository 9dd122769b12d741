-- The audit log's filters (GET /api/v1/audit): its pages are the newest events first, and only
-- a record's own history (entity and id) had an index. At 100,000 proposals (349,493 events,
-- SQLite, caches off) a page took 180 ms for every proposal event (the 300,000 sorted by seq),
-- 93 ms for one event, 88 ms for one person and 94 ms for one day (every event read). With
-- these each page walks its index from the newest match, and each total counts in the index.
-- Four more entries for each audited write; a run of transitions only measured the same rate
-- with them (8,125 and 8,181 against 8,194 and 7,560 transitions/s, 10,000 proposals).
CREATE INDEX audit_events_entity_seq ON audit_events (entity, seq);
CREATE INDEX audit_events_event ON audit_events (event, seq);
CREATE INDEX audit_events_actor ON audit_events (actor_id, seq);
CREATE INDEX audit_events_at ON audit_events (at);
