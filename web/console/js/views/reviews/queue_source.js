// Where the review queue comes from: the assignments the signed-in user may see (GET /assignments:
// a partner's are their organisation's), each with its proposal ({id, reference, title,
// city{id, name}, amount, state}), newest first.

import { getAll } from '../../api.js';

// The assignments in `state` (every state when empty).
export async function assignmentQueue({ state } = {}) {
  return getAll('/assignments', { state });
}
