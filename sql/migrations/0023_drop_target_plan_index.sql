-- Migration 0021's covering index of proposal_targets served one query: a version's plan, read on
-- every proposal read. That plan is now read from proposal_versions.target_plan (0022), and the
-- rows only when the column is NULL; every other query of the rows finds them by version through
-- the table's unique index. The index held a second copy of every target row: 40 MB of a 214 MB
-- fund of 10,000 proposals, written with each row.
DROP INDEX proposal_targets_plan;
