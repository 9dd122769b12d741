-- Indexes for the proposal list: visibility (a partner's assignments, the supporting partner),
-- the state filter with its orders, and the grant lookups of a call's awards.
CREATE INDEX review_assignments_partner ON review_assignments (partner_org_id, proposal_id);
CREATE INDEX proposals_supporting ON proposals (supporting_org_id);
CREATE INDEX proposals_state_updated ON proposals (state, updated_at, id);
CREATE INDEX grants_call ON grants (call_id);
CREATE INDEX tranches_grant ON tranches (grant_id, seq);
CREATE INDEX reports_grant ON reports (grant_id, seq);
