// #/audit: the audit chain, newest first, in pages (?before=<seq>), filtered by record kind,
// record number, actor and event; each event with its sequence number, time, actor, record,
// event, state change, detail and hash. From here: any record's timeline and the verification.

import { get } from '../../api.js';
import { h, uid } from '../../dom.js';
import { number, t } from '../../i18n.js';
import { showFieldErrors, clearFieldErrors } from '../../components/problem.js';
import { field, link, notice, pageHeader, table } from '../../components/ui.js';
import { exportLinks } from '../../components/exports.js';
import { hasRole } from '../../session.js';
import { auditPage } from './fetch.js';
import { actorCell, changeText, detailNode, ENTITIES, entityName, eventText, hashNode, recordCell, timeNode } from './present.js';

const PAGE_SIZE = 50;
const KNOWN_EVENTS = ['create', 'edit', 'sign_in', 'sign_out', 'grant_role', 'revoke_role', 'set_password', 'lock', 'unlock', 'revoke',
  'set_supporting_partner', 'assign', 'score', 'attach', 'attach_translation'];

export function auditForbidden(title) {
  return h('section', { class: 'page' }, h('h1', { text: title }), notice(t('audit.forbidden'), 'error'));
}

async function eventNames() {
  const names = new Set(KNOWN_EVENTS);
  try {
    const wf = await get('/workflows');
    for (const m of wf.machines) for (const tr of m.transitions) names.add(tr.event);
  } catch { /* the list is only a convenience */ }
  return [...names].sort();
}

function filterForm(ctx, q, events) {
  const listId = uid('events');
  const form = h('form', { class: 'audit-filter', role: 'search', 'aria-label': t('audit.filter.label'), novalidate: true },
    h('div', { class: 'form-grid' },
      field({ label: t('audit.filter.entity'), name: 'entity', kind: 'select', value: q.entity ?? '',
        options: [{ value: '', text: t('common.all') }, ...ENTITIES.map((e) => ({ value: e, text: entityName(e) }))] }),
      field({ label: t('audit.filter.entity_id'), name: 'entity_id', type: 'number', value: q.entity_id, attrs: { min: '1', step: '1' } }),
      field({ label: t('audit.filter.actor'), name: 'actor', type: 'number', value: q.actor, hint: t('audit.filter.actor_hint'), attrs: { min: '1', step: '1' } }),
      field({ label: t('audit.filter.event'), name: 'event', value: q.event, attrs: { list: listId, autocomplete: 'off', spellcheck: 'false' } })),
    h('datalist', { id: listId }, events.map((e) => h('option', { value: e }))),
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', class: 'primary', text: t('common.filter') }),
      h('button', { type: 'button', class: 'open-timeline', text: t('audit.filter.open_timeline'), on: { click: () => openTimeline() } }),
      link('/audit', t('audit.filter.clear'), { class: 'button' })));
  const values = () => {
    const data = new FormData(form);
    return Object.fromEntries(['entity', 'entity_id', 'actor', 'event'].map((k) => [k, String(data.get(k) ?? '').trim()]));
  };
  const openTimeline = () => {
    clearFieldErrors(form);
    const v = values();
    const errors = [];
    if (!v.entity) errors.push({ field: 'entity', message: t('audit.filter.need_entity') });
    if (!/^\d+$/.test(v.entity_id)) errors.push({ field: 'entity_id', message: t('audit.filter.need_id') });
    if (errors.length) { showFieldErrors(form, { fieldErrors: errors }); return; }
    ctx.go(`/audit/timeline/${v.entity}/${v.entity_id}`);
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearFieldErrors(form);
    const v = values();
    for (const k of ['entity_id', 'actor']) {
      if (v[k] && !/^\d+$/.test(v[k])) { showFieldErrors(form, { fieldErrors: [{ field: k, message: t('fieldmsg.must_be_a_whole_number') }] }); return; }
    }
    ctx.go('/audit', v);
  });
  return form;
}

export async function auditLogView(ctx) {
  ctx.setTitle(t('audit.log.title'));
  if (!hasRole('auditor', 'fund_manager')) return auditForbidden(t('audit.log.title'));
  const q = ctx.query;
  const filters = { entity: q.entity, entity_id: q.entity_id, actor: q.actor, event: q.event };
  const [page, orgs, events] = await Promise.all([
    auditPage({ ...filters, before: q.before, limit: PAGE_SIZE }),
    get('/organisations').then((o) => new Map(o.items.map((x) => [x.id, x.name]))).catch(() => new Map()),
    eventNames(),
  ]);
  const columns = [
    { label: t('audit.col.seq'), class: 'num', cell: (e) => String(e.seq) },
    { label: t('audit.col.time'), class: 'time', cell: (e) => timeNode(e.at) },
    { label: t('audit.col.actor'), class: 'actor', cell: actorCell },
    { label: t('audit.col.record'), class: 'record', cell: recordCell },
    { label: t('audit.col.event'), cell: (e) => [h('span', { text: eventText(e.entity, e.event) }), h('br'), h('code', { class: 'muted', text: e.event })] },
    { label: t('audit.col.change'), cell: changeText },
    { label: t('audit.col.detail'), class: 'detail', cell: (e) => detailNode(e.detail, orgs) },
    { label: t('audit.col.hash'), cell: (e) => hashNode(e.hash) },
  ];
  const filtered = Object.values(filters).some(Boolean);
  const summary = page.total !== null
    ? t(filtered ? 'audit.log.total_filtered' : 'audit.log.total', { count: number(page.total) })
    : t('audit.log.searched', { count: number(page.items.length), searched: number(page.searched) });
  const grid = table(t('audit.log.caption'), columns, page.items, { empty: t('audit.log.none') });
  grid.querySelectorAll('tbody tr').forEach((tr, i) => { tr.dataset.seq = page.items[i].seq; });
  const here = (extra = {}) => `#/audit?${new URLSearchParams(Object.entries({ ...filters, ...extra }).filter(([, v]) => v)).toString()}`;
  const paging = h('nav', { class: 'pager', 'aria-label': t('audit.log.pages') },
    q.before ? h('a', { class: 'button', href: here(), text: t('audit.log.newest') }) : null,
    page.next ? h('a', { class: 'button', rel: 'next', href: here({ before: page.next }), text: t('audit.log.older') }) : null);
  return h('section', { class: 'page audit-log' },
    pageHeader(t('audit.log.title'), link('/audit/verify', t('audit.verify.title'), { class: 'button' }),
      exportLinks('audit', { entity: filters.entity, entity_id: filters.entity_id, actor_id: filters.actor, event: filters.event })),
    h('p', { class: 'lead', text: t('audit.log.lead') }),
    filterForm(ctx, q, events),
    h('p', { class: 'audit-total', 'aria-live': 'polite', text: summary }),
    q.entity && q.entity_id ? h('p', {}, link(`/audit/timeline/${q.entity}/${q.entity_id}`, t('audit.timeline_of', { record: `${entityName(q.entity)} #${q.entity_id}` }))) : null,
    grid, paging);
}
