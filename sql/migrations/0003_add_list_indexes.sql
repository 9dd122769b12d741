-- Indexes for the proposal list: visibility (a partner's assignments, the supporting partner),
-- the state filter with its orders, and the grants of a call (tranches and reports of a grant
-- are indexed by their UNIQUE (grant_id, seq) already).
CREATE INDEX review_assignments_partner ON review_assignments (partner_org_id, proposal_id);
CREATE INDEX proposals_supporting ON proposals (supporting_org_id);
CREATE INDEX proposals_state_updated ON proposals (state, updated_at, id);
CREATE INDEX grants_call ON grants (call_id);
