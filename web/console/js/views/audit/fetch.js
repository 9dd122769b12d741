// Reading the audit chain (GET /audit, newest first, `before` cursor pages). The API filters by
// person, event, record (reference, or kind and number) and date range, and counts what matches.

import { get, getAll, withQuery } from '../../api.js';

const SCAN_PAGE = 500;

// One page: {items, total, next (the `before` of the next page)}. `filters` are the API's
// (entity, entity_id, actor_id, event, reference, from, to); a refusal (400, 422) is thrown.
export async function auditPage(filters, { before, limit = 50 } = {}) {
  const page = await get(withQuery('/audit', { ...filters, before, limit }));
  return { items: page.items, total: page.total, next: page.next };
}

// Everyone who may appear in the chain ({id, name, organisation, role}), for the filter by person.
export async function auditPeople() {
  return getAll('/audit/people');
}

// Every event of one record, oldest first.
export async function recordEvents(entity, id) {
  const items = [];
  let before;
  do {
    const page = await get(withQuery('/audit', { entity, entity_id: id, before, limit: SCAN_PAGE }));
    items.push(...page.items);
    before = page.next;
  } while (before && items.length < 20000);
  return items.reverse();
}

// The newest event of the whole chain (its head), or null when the chain is empty.
export async function headEvent() {
  const page = await get(withQuery('/audit', { limit: 1 }));
  return page.items[0] ?? null;
}
