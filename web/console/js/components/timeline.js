// A record's history, oldest first, from its /timeline route: who did what (named as far as the
// reader may know them), when, from which state to which, and the reason or amount they gave.

import { get } from '../api.js';
import { h } from '../dom.js';
import { dateTime, label, moneyOf, t } from '../i18n.js';
import { eventName } from './event_names.js';
import { actorNode } from './people.js';
import { section } from './ui.js';

function details(detailText) {
  let d = {};
  try { d = typeof detailText === 'string' ? JSON.parse(detailText || '{}') : (detailText ?? {}); } catch { return []; }
  const out = [];
  if (d.reason) out.push(h('q', { class: 'reason', text: d.reason }));
  if (d.amount_minor !== undefined) out.push(h('span', { class: 'amount', text: moneyOf(d.amount_minor, d.currency ?? 'USD') }));
  if (d.payment_reference) out.push(h('span', { text: t('timeline.payment_reference', { ref: d.payment_reference }) }));
  if (typeof d.body === 'string') {  // a message of the record's thread
    out.push(h('span', { class: ['badge', `visibility-${d.visibility}`], text: label('threads.visibility', d.visibility) }));
    out.push(h('p', { class: 'message-body', text: d.body }));
    for (const f of d.files ?? []) out.push(h('span', { class: 'message-file', text: f.filename }));
  }
  return out;
}

// The timeline items as a list (items: the /timeline answer's items).
export function timelineList(items) {
  if (!items.length) return h('p', { class: 'empty', text: t('timeline.empty') });
  return h('ol', { class: 'timeline' }, items.map((item) => {
    const what = eventName(item.entity, item.event);
    return h('li', { dataset: { event: item.event, entity: item.entity } },
      h('time', { datetime: item.at, text: dateTime(item.at) }),
      h('span', { class: 'what' }, h('strong', { text: what }),
        !['proposal', 'grant', 'message'].includes(item.entity) ? h('span', { class: 'entity', text: ` · ${[label('entity', item.entity), item.reference].filter(Boolean).join(' ')}` }) : null),
      h('span', { class: 'who' }, actorNode(item.actor)),
      item.from || item.to ? h('span', { class: 'move', text: item.from ? `${label('state', item.from)} → ${label('state', item.to)}` : label('state', item.to) }) : null,
      details(item.detail));
  }));
}

// A "Timeline" panel filled from `path` (e.g. /proposals/12/timeline).
export async function timelinePanel(path) {
  const data = await get(path);
  return section(t('timeline.title'), timelineList(data.items ?? []));
}
