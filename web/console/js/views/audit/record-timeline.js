// #/audit/timeline/:entity/:id: everything that happened to one record, oldest first, so an
// auditor can follow any record: proposals and grants from their /timeline route (a grant's
// includes its tranches and reports), every other record from the audit chain filtered on it.
// Each event with its sequence number, actor, state change, detail and hash.

import { get } from '../../api.js';
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { facts, link, notice, pageHeader, section, stateBadge } from '../../components/ui.js';
import { hasRole } from '../../session.js';
import { recordEvents } from './fetch.js';
import { auditForbidden } from './log.js';
import { actorCell, changeText, COLLECTION, detailNode, hasDetail, ENTITIES, entityName, eventText, hashNode, machineOf, normalEntity, recordName, recordPage, timeNode } from './present.js';

const OWN_TIMELINE = { proposal: 'proposals', grant: 'grants' };

async function loadEvents(entity, id) {
  if (OWN_TIMELINE[entity]) return (await get(`/${OWN_TIMELINE[entity]}/${id}/timeline`)).items ?? [];
  return recordEvents(entity, id);
}

// The record itself (reference or code, title, state) where the API has it; null otherwise.
async function loadRecord(entity, id) {
  if (!COLLECTION[entity]) return null;
  try {
    return await get(`/${COLLECTION[entity]}/${id}`);
  } catch (err) {
    if (err.status === 404 || err.status === 403) return { missing: true };
    throw err;
  }
}

function eventItem(item, entity, orgs) {
  const other = item.entity !== entity;
  return h('li', { dataset: { seq: item.seq, event: item.event, entity: item.entity } },
    h('span', { class: 'when' }, h('span', { class: 'seq', text: `#${item.seq}` }), ' ', timeNode(item.at)),
    h('span', { class: 'what' }, h('strong', { text: eventText(item.entity, item.event) }),
      other ? h('span', { class: 'entity', text: ` · ${recordName(item)}` }) : null),
    h('span', { class: 'who' }, actorCell(item)),
    item.from || item.to ? h('span', { class: 'move', text: changeText(item) }) : null,
    hasDetail(item.detail) ? h('div', { class: 'event-detail' }, detailNode(item.detail, orgs)) : null,
    h('div', { class: 'event-hash' }, hashNode(item.hash)));
}

export async function recordTimelineView(ctx) {
  const entity = normalEntity(ctx.params.entity);
  const id = ctx.params.id;
  const plain = `${entityName(entity)} #${id}`;
  if (!hasRole('auditor', 'fund_manager')) return auditForbidden(t('audit.timeline.title', { record: plain }));
  if (!ENTITIES.includes(entity) || !/^\d+$/.test(id)) {
    return h('section', { class: 'page' }, h('h1', { text: t('audit.timeline.title', { record: plain }) }), notice(t('audit.timeline.unknown'), 'error'));
  }
  const [items, record, orgs] = await Promise.all([
    loadEvents(entity, id),
    loadRecord(entity, id),
    get('/organisations').then((o) => new Map(o.items.map((x) => [x.id, x.name]))).catch(() => new Map()),
  ]);
  // The record by its reference, as its own events read it (a review assignment: its proposal's).
  const own = items.find((e) => e.entity === entity && String(e.entity_id) === String(id));
  const name = recordName(own ?? { entity, entity_id: id });
  ctx.setTitle(t('audit.timeline.title', { record: name }));
  const page = recordPage(entity, id);
  const machine = machineOf(entity);
  const about = record && !record.missing ? facts([
    record.reference || record.code ? [t('audit.timeline.reference'), record.reference ?? record.code] : null,
    record.title ? [t('audit.timeline.record_title'), record.title] : null,
    record.state && machine ? [t('audit.timeline.state'), stateBadge(machine, record.state)] : null,
  ]) : null;
  return h('section', { class: 'page audit-timeline', dataset: { entity, id } },
    h('p', { class: 'crumbs' }, link('/audit', t('audit.log.title'))),
    pageHeader(t('audit.timeline.title', { record: name }),
      page ? link(page, t('audit.timeline.open_record'), { class: 'button' }) : null,
      link(own?.reference && entity !== 'review_assignment' ? `/audit?reference=${encodeURIComponent(own.reference)}` : `/audit?entity=${entity}&entity_id=${id}`, t('audit.timeline.in_log'), { class: 'button' })),
    about ? section(t('audit.timeline.about'), about) : null,
    record?.missing ? notice(t('audit.timeline.record_missing'), 'warn') : null,
    section(t('audit.timeline.events', { count: items.length }),
      items.length ? h('ol', { class: 'timeline audit-events' }, items.map((item) => eventItem(item, entity, orgs)))
        : h('p', { class: 'empty', text: t('timeline.empty') })));
}
