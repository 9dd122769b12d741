// Reading the audit chain (GET /audit, newest first, `before` cursor pages). The API filters by
// record (entity, entity_id); a filter by actor or event is applied here, reading older pages
// until a page is full or a bounded number of events has been searched.

import { get, withQuery } from '../../api.js';

const SCAN_PAGE = 500;
const SCAN_PAGES = 10;

function matches(item, { actor, event }) {
  if (actor && String(item.actor?.id ?? item.actor_id ?? '') !== String(actor)) return false;
  if (event && item.event !== event) return false;
  return true;
}

// One page: {items, total (null when filtered here), next (the `before` of the next page),
// searched (how many events were read when filtering here)}.
export async function auditPage({ entity, entity_id: entityId, actor, event, before, limit = 50 }) {
  const query = { entity, entity_id: entityId, actor_id: actor, event };
  if (!actor && !event) {
    const page = await get(withQuery('/audit', { ...query, before, limit }));
    return { items: page.items, total: page.total, next: page.next, searched: null };
  }
  const items = [];
  let cursor = before;
  let searched = 0;
  for (let i = 0; i < SCAN_PAGES; i += 1) {
    const page = await get(withQuery('/audit', { ...query, before: cursor, limit: SCAN_PAGE }));
    searched += page.items.length;
    for (const item of page.items) {
      if (!matches(item, { actor, event })) continue;
      items.push(item);
      if (items.length === limit) return { items, total: null, next: String(item.seq), searched };
    }
    cursor = page.next;
    if (!cursor) break;
  }
  return { items, total: null, next: cursor ?? null, searched };
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
