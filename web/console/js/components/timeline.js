// A record's history, oldest first, from its /timeline route: who did what, when, from which
// state to which, and the reason or amount they gave.

import { get } from '../api.js';
import { h } from '../dom.js';
import { dateTime, label, moneyOf, t } from '../i18n.js';
import { eventName } from './event_names.js';
import { section } from './ui.js';

function details(detailText) {
  let d = {};
  try { d = typeof detailText === 'string' ? JSON.parse(detailText || '{}') : (detailText ?? {}); } catch { return []; }
  const out = [];
  if (d.reason) out.push(h('q', { class: 'reason', text: d.reason }));
  if (d.amount_minor !== undefined) out.push(h('span', { class: 'amount', text: moneyOf(d.amount_minor, d.currency ?? 'USD') }));
  if (d.payment_reference) out.push(h('span', { text: t('timeline.payment_reference', { ref: d.payment_reference }) }));
  return out;
}

function actorName(item) {
  if (item.actor?.name) return item.actor.organisation ? `${item.actor.name} (${item.actor.organisation})` : item.actor.name;
  return t('timeline.actor_id', { id: item.actor_id });
}

// The timeline items as a list (items: the /timeline answer's items).
export function timelineList(items) {
  if (!items.length) return h('p', { class: 'empty', text: t('timeline.empty') });
  return h('ol', { class: 'timeline' }, items.map((item) => {
    const what = eventName(item.entity, item.event);
    return h('li', { dataset: { event: item.event, entity: item.entity } },
      h('time', { datetime: item.at, text: dateTime(item.at) }),
      h('span', { class: 'what' }, h('strong', { text: what }),
        item.entity !== 'proposal' && item.entity !== 'grant' ? h('span', { class: 'entity', text: ` · ${label('entity', item.entity)}` }) : null),
      h('span', { class: 'who', text: actorName(item) }),
      item.from || item.to ? h('span', { class: 'move', text: item.from ? `${label('state', item.from)} → ${label('state', item.to)}` : label('state', item.to) }) : null,
      details(item.detail));
  }));
}

// A "Timeline" panel filled from `path` (e.g. /proposals/12/timeline).
export async function timelinePanel(path) {
  const data = await get(path);
  return section(t('timeline.title'), timelineList(data.items ?? []));
}
