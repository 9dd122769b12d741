-- A proposal list page shows each row's title, language and amount from its current version. The
-- version rows hold the whole proposal (about 4 KB each, a page of their own), so a page of 20
-- rows read 20 pages of proposal_versions that no connection's page cache kept (59 MB of a fund
-- of 10,000 proposals against 2 MB of cache each): 11 % of a computed list page's CPU went to
-- pread. This index holds what the page shows (about 1.5 MB at 10,000 proposals), so the page is
-- read from it alone (SQLite: COVERING INDEX once the statistics know it, which `serve` refreshes
-- at start). The unique index (proposal_id, number) stays the constraint.
CREATE INDEX proposal_versions_summary ON proposal_versions (proposal_id, number, title, language, amount_minor);
