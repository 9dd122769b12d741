// How one audit event reads to a person: who acted, which record (linked to its page where the
// console has one), what happened, the state change, the detail as key/value pairs (never raw
// JSON) and the hash, shortened, with the whole value a click away.

import { h } from '../../dom.js';
import { dateTime, has, label, moneyOf, t } from '../../i18n.js';
import { eventLabel } from '../../components/actions.js';
import { actorText as peopleActorText } from '../../components/people.js';
import { eventName } from '../../components/event_names.js';
import { link } from '../../components/ui.js';

export const ENTITIES = ['proposal', 'review_assignment', 'grant', 'tranche', 'report', 'call', 'user', 'organisation', 'api_token', 'export'];

// The console page of a record, by audit entity name.
const PAGES = { proposal: 'proposals', grant: 'grants', call: 'calls', review_assignment: 'assignments', assignment: 'assignments', report: 'reports' };
// The API collection of a record (for its state), by audit entity name.
export const COLLECTION = { ...PAGES, tranche: 'tranches' };
const MACHINE = { proposal: 'proposal', review_assignment: 'review_assignment', assignment: 'review_assignment', grant: 'grant', tranche: 'tranche', report: 'report', call: 'call' };

export function normalEntity(entity) { return entity === 'assignment' ? 'review_assignment' : entity; }
export function machineOf(entity) { return MACHINE[entity]; }
export function recordPage(entity, id) { return PAGES[entity] ? `/${PAGES[entity]}/${id}` : null; }
export function entityName(entity) { return label('entity', entity); }

export function eventText(entity, event) {
  if (has(`events.${MACHINE[entity] ?? entity}.${event}`) || has(`events.${event}`)) return eventName(entity, event);
  if (has(`audit.event.${event}`)) return t(`audit.event.${event}`);
  const machine = MACHINE[entity];
  if (machine && (has(`event.${machine}.${event}`) || has(`event.${event}`))) return eventLabel(machine, event);
  return label('event', event);
}

// Who acted, in words, as the API names them (auditors and fund managers know everyone).
export function actorText(item) {
  return peopleActorText(item.actor);
}

// The actor, linked to the audit log filtered on them.
export function actorCell(item) {
  const id = item.actor?.id;
  if (id === null || id === undefined) return h('span', { class: 'muted', text: actorText(item) });
  return link(`/audit?actor=${id}`, actorText(item), { title: t('audit.by_actor_title') });
}

// How a record reads: "tranche GCF-2026-0014-T1" by its reference (a review assignment by its
// proposal's), a person or an organisation by name when `names` knows it ({people, orgs}: Maps
// id -> name), else "call #3".
export function recordName(item, names = {}) {
  if (item.reference) return `${entityName(item.entity)} ${item.reference}`;
  const known = item.entity === 'user' ? names.people?.get(item.entity_id) : item.entity === 'organisation' ? names.orgs?.get(item.entity_id) : null;
  return known ? `${entityName(item.entity)} ${known}` : `${entityName(item.entity)} #${item.entity_id}`;
}

// The record by its reference (or name), linked to the record's page where there is one, and its
// timeline.
export function recordCell(item, names = {}) {
  const page = recordPage(item.entity, item.entity_id);
  const name = recordName(item, names);
  return h('span', { class: 'record', dataset: { reference: item.reference ?? '' } },
    page ? link(page, name) : h('span', { text: name }), ' ',
    link(`/audit/timeline/${item.entity}/${item.entity_id}`, t('audit.timeline_link'), { class: 'small-link', 'aria-label': t('audit.timeline_of', { record: name }) }));
}

export function changeText(item) {
  if (!item.from && !item.to) return '—';
  if (!item.from) return label('state', item.to);
  return `${label('state', item.from)} → ${label('state', item.to)}`;
}

function parse(detail) {
  if (detail && typeof detail === 'object') return detail;
  try {
    const d = JSON.parse(detail || '{}');
    return d && typeof d === 'object' ? d : { value: d };
  } catch {
    return null;
  }
}

function valueNode(key, value, all, orgs) {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (Array.isArray(value)) return value.map((v) => (v && typeof v === 'object' ? pairs(v, orgs) : String(v))).flatMap((n, i) => (i ? [', ', n] : [n]));
  if (typeof value === 'object') return pairs(value, orgs);
  if (key.endsWith('_minor') && Number.isInteger(value)) return moneyOf(value, all.currency ?? 'USD');
  if (key === 'role') return label('role', value);
  if (key === 'kind' && has(`audit.kind.${value}`)) return t(`audit.kind.${value}`);
  if (key.endsWith('org_id') && orgs?.has(value)) return `${orgs.get(value)} (#${value})`;
  if (key === 'proposal_id') return link(`/proposals/${value}`, `#${value}`);
  if (key === 'until') return value > 0 ? dateTime(value) : '—';
  if (key.endsWith('_id')) return `#${value}`;
  return String(value);
}

function pairs(d, orgs) {
  const keys = Object.keys(d).filter((k) => !(k === 'currency' && Object.keys(d).some((x) => x.endsWith('_minor'))));
  if (!keys.length) return h('span', { class: 'muted', text: '—' });
  return h('dl', { class: 'kv' }, keys.map((k) => [
    h('dt', { text: has(`audit.detail.${k}`) ? t(`audit.detail.${k}`) : k.replaceAll('_', ' ') }),
    h('dd', {}, valueNode(k, d[k], d, orgs))]));
}

// Whether the detail says anything (not "{}").
export function hasDetail(detail) {
  const d = parse(detail);
  return d === null ? Boolean(detail) : Object.keys(d).length > 0;
}

// The detail (a JSON object as text) as a list of labelled values; `orgs`: Map id -> name.
export function detailNode(detail, orgs) {
  const d = parse(detail);
  if (d === null) return h('span', { text: String(detail) });
  return pairs(d, orgs);
}

// The hash shortened to 12 characters; the whole hash in its title and when opened.
export function hashNode(hash) {
  if (!hash) return '—';
  return h('details', { class: 'hash' },
    h('summary', { title: hash }, h('span', { class: 'visually-hidden', text: t('audit.hash_label') }), h('code', { text: `${hash.slice(0, 12)}…` })),
    h('code', { class: 'full-hash', text: hash }));
}

export function timeNode(at) {
  return h('time', { datetime: at, text: dateTime(at) });
}
