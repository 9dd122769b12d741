// Where the work queues come from: tranches in given states across every grant the user may see
// (GET /tranches?state=...), and the reports waiting for a partner (from each live grant's
// reports). Each item carries grant: {id, reference, city: {id, name}, supporting_org_id, state}.
// Oldest request first.

import { getAll } from '../../api.js';
import { mapLimited, organisationsById, orgName } from './data.js';

function grantSummary(grant, orgs) {
  return {
    id: grant.id, reference: grant.reference, state: grant.state, supporting_org_id: grant.supporting_org_id,
    city: { id: grant.city_org_id, name: orgName(orgs, grant.city_org_id) },
  };
}

const time = (v) => (v ? Date.parse(v) : Number.MAX_SAFE_INTEGER);
function oldestFirst(tranches) {
  return tranches.sort((a, b) => time(a.requested_at) - time(b.requested_at) || a.id - b.id);
}

// The grants whose tranches or reports can still move (an ended grant has none open).
async function liveGrants() {
  const grants = await getAll('/grants');
  return grants.filter((g) => g.state === 'active' || g.state === 'suspended' || g.state === 'completed');
}

// Tranches in any of `states` ('requested', 'verified', 'approved'...), each with its grant.
export async function tranchesInStates(states) {
  return oldestFirst(await getAll('/tranches', { state: states.join(',') }));
}

// Reports in `state` of the grants the user may see, each with its grant (as for tranches),
// oldest submission first.
export async function reportsInState(state) {
  const [grants, orgs] = await Promise.all([liveGrants(), organisationsById()]);
  const lists = await mapLimited(grants, 6, async (grant) => {
    const reports = await getAll(`/grants/${grant.id}/reports`);
    return reports.filter((r) => r.state === state).map((r) => ({ ...r, grant: grantSummary(grant, orgs) }));
  });
  return lists.flat().sort((a, b) => time(a.submitted_at) - time(b.submitted_at) || a.id - b.id);
}
