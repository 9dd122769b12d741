-- The last number given to a proposal reference of each year (GCF-year-NNNN), claimed and raised
-- in the creating transaction (ProposalStore::claimReferenceNumber). The number used to be the
-- count of that year's references plus one: a scan of every proposal per new one, which made
-- building a fund quadratic in its size (a seed of 100,000 proposals took 23 times as long as one
-- of 10,000). Proposals are never deleted, so the count is the last number given.
CREATE TABLE proposal_reference_counters (
  year INTEGER PRIMARY KEY,
  last_number INTEGER NOT NULL CHECK (last_number >= 0)
);

INSERT INTO proposal_reference_counters (year, last_number)
SELECT CAST(substr(reference, 5, 4) AS INTEGER), COUNT(*)
FROM proposals
WHERE reference LIKE 'GCF-____-%'
GROUP BY substr(reference, 5, 4);
