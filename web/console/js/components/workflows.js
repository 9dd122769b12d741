// The workflow machines as the server enforces them (GET /workflows), fetched once per page load.

import { get } from '../api.js';

let machines;

export async function workflows() {
  machines ??= get('/workflows').then((d) => Object.fromEntries(d.machines.map((m) => [m.name, m])));
  try {
    return await machines;
  } catch (e) {
    machines = undefined;
    throw e;
  }
}

// The collection path of each machine's records.
export const COLLECTIONS = {
  call: 'calls', proposal: 'proposals', review_assignment: 'assignments',
  grant: 'grants', tranche: 'tranches', report: 'reports', amendment: 'amendments',
};

// The transition row of `machine` leaving `state` on `event`, or undefined.
export async function transitionOf(machine, state, event) {
  const m = (await workflows())[machine];
  return m?.transitions.find((tr) => tr.from === state && tr.event === event);
}
