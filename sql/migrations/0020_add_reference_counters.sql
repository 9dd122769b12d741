-- The last number given to a proposal reference of each year (GCF-year-NNNN), claimed and raised
-- in the creating transaction (ProposalStore::claimReferenceNumber). The number used to be the
-- count of that year's references plus one: a scan of every proposal per new one, which made
-- building a fund quadratic in its size (a seed of 100,000 proposals took 23 times as long as one
-- of 10,000). Proposals are never deleted and their numbers have no gaps, so the highest number
-- of a year is its count; the fill takes the highest, which no new reference can then repeat.
CREATE TABLE proposal_reference_counters (
  year INTEGER PRIMARY KEY,
  last_number INTEGER NOT NULL CHECK (last_number >= 0)
);

INSERT INTO proposal_reference_counters (year, last_number)
SELECT CAST(substr(reference, 5, 4) AS INTEGER), MAX(CAST(substr(reference, 10) AS INTEGER))
FROM proposals
WHERE reference LIKE 'GCF-____-%'
GROUP BY substr(reference, 5, 4);
