// #/audit: the audit chain, newest first, in pages (?before=<seq>), filtered by the server by
// person, event, record reference, kind of record and number, and a range of days; each event
// with its sequence number, time, actor (by name), record (by reference), event, state change,
// detail and hash. From here: any record's timeline and the verification.

import { get } from '../../api.js';
import { h, uid } from '../../dom.js';
import { number, t } from '../../i18n.js';
import { showFieldErrors, clearFieldErrors } from '../../components/problem.js';
import { field, link, notice, pageHeader, table } from '../../components/ui.js';
import { exportLinks } from '../../components/exports.js';
import { actorText } from '../../components/people.js';
import { hasRole } from '../../session.js';
import { auditPage, auditPeople } from './fetch.js';
import { actorCell, changeText, detailNode, ENTITIES, entityName, eventText, hashNode, recordCell, timeNode } from './present.js';

const PAGE_SIZE = 50;
const KNOWN_EVENTS = ['create', 'edit', 'sign_in', 'sign_out', 'grant_role', 'revoke_role', 'set_password', 'lock', 'unlock', 'revoke',
  'set_supporting_partner', 'assign', 'score', 'attach', 'attach_translation'];
// The filters of the address (#/audit?actor=3&reference=...), in the form's order.
const FILTERS = ['actor', 'event', 'reference', 'entity', 'entity_id', 'from', 'to'];
const REFERENCE = /^GCF-\d{4}-\d{4,6}(-G|-[TR][1-9]\d{0,3})?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

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

// The day after `day` (YYYY-MM-DD), in UTC: the page's "to" day is included, the API's `to` is not.
function nextDay(day) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

// The API's filters for the address's.
export function apiFilters(q) {
  return {
    actor_id: q.actor, event: q.event, reference: q.reference, entity: q.entity, entity_id: q.entity_id,
    from: q.from, to: q.to && DAY.test(q.to) ? nextDay(q.to) : q.to,
  };
}

// What is wrong with the form's values before asking the server: [{field, message}].
function checkValues(v) {
  const errors = [];
  if (v.entity_id && !/^\d+$/.test(v.entity_id)) errors.push({ field: 'entity_id', message: t('fieldmsg.must_be_a_whole_number') });
  if (v.reference && !REFERENCE.test(v.reference)) errors.push({ field: 'reference', message: t('audit.filter.reference_format') });
  if (v.from && v.to && v.to < v.from) errors.push({ field: 'to', message: t('audit.filter.to_before_from') });
  return errors;
}

// The server's refusal of the address's filters, in words, by the form's field names.
function refusalErrors(err, q) {
  return err.fieldErrors.map((fe) => {
    const name = fe.field === 'actor_id' ? 'actor' : fe.field;
    if (name === 'reference') {
      return { field: name, message: err.status === 422 ? t('audit.filter.reference_unknown', { reference: q.reference }) : t('audit.filter.reference_format') };
    }
    if (name === 'to' && err.status === 422) return { field: name, message: t('audit.filter.to_before_from') };
    return { field: name, message: fe.message };
  });
}

function filterForm(ctx, q, events, people) {
  const listId = uid('events');
  const datesHint = t('audit.filter.dates_hint');
  const form = h('form', { class: 'audit-filter', role: 'search', 'aria-label': t('audit.filter.label'), novalidate: true },
    h('div', { class: 'form-grid' },
      field({ label: t('audit.filter.actor'), name: 'actor', kind: 'select', value: q.actor ?? '',
        options: [{ value: '', text: t('audit.filter.everyone') }, ...people.map((p) => ({ value: p.id, text: actorText(p) }))] }),
      field({ label: t('audit.filter.event'), name: 'event', value: q.event, attrs: { list: listId, autocomplete: 'off', spellcheck: 'false' } }),
      field({ label: t('audit.filter.reference'), name: 'reference', value: q.reference, hint: t('audit.filter.reference_hint'),
        attrs: { autocomplete: 'off', spellcheck: 'false', placeholder: 'GCF-2026-0014-T1', class: 'reference-input' } }),
      field({ label: t('audit.filter.entity'), name: 'entity', kind: 'select', value: q.entity ?? '',
        options: [{ value: '', text: t('common.all') }, ...ENTITIES.map((e) => ({ value: e, text: entityName(e) }))] }),
      field({ label: t('audit.filter.entity_id'), name: 'entity_id', type: 'number', value: q.entity_id, attrs: { min: '1', step: '1' } }),
      field({ label: t('audit.filter.from'), name: 'from', type: 'date', value: q.from, hint: datesHint }),
      field({ label: t('audit.filter.to'), name: 'to', type: 'date', value: q.to, hint: datesHint })),
    h('datalist', { id: listId }, events.map((e) => h('option', { value: e }))),
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', class: 'primary', text: t('common.filter') }),
      h('button', { type: 'button', class: 'open-timeline', text: t('audit.filter.open_timeline'), on: { click: () => openTimeline() } }),
      link('/audit', t('audit.filter.clear'), { class: 'button' })));
  const values = () => {
    const data = new FormData(form);
    const v = Object.fromEntries(FILTERS.map((k) => [k, String(data.get(k) ?? '').trim()]));
    v.reference = v.reference.toUpperCase();
    return v;
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
    const errors = checkValues(v);
    if (errors.length) { showFieldErrors(form, { fieldErrors: errors }); return; }
    ctx.go('/audit', Object.fromEntries(Object.entries(v).filter(([, x]) => x)));
  });
  return form;
}

export async function auditLogView(ctx) {
  ctx.setTitle(t('audit.log.title'));
  if (!hasRole('auditor', 'fund_manager')) return auditForbidden(t('audit.log.title'));
  const q = ctx.query;
  const filters = Object.fromEntries(FILTERS.map((k) => [k, q[k]]));
  let refusal = null;
  const [page, orgs, events, people] = await Promise.all([
    auditPage(apiFilters(filters), { before: q.before, limit: PAGE_SIZE }).catch((err) => {
      if (err.status !== 400 && err.status !== 422) throw err;
      refusal = err;
      return null;
    }),
    get('/organisations').then((o) => new Map(o.items.map((x) => [x.id, x.name]))).catch(() => new Map()),
    eventNames(),
    auditPeople().catch(() => []),
  ]);
  const form = filterForm(ctx, q, events, people);
  const names = { people: new Map(people.map((p) => [p.id, p.name])), orgs };
  const filtered = Object.values(filters).some(Boolean);
  const here = (extra = {}) => `#/audit?${new URLSearchParams(Object.entries({ ...filters, ...extra }).filter(([, v]) => v)).toString()}`;
  const header = [
    pageHeader(t('audit.log.title'), link('/audit/verify', t('audit.verify.title'), { class: 'button' }),
      exportLinks('audit', apiFilters(filters))),
    h('p', { class: 'lead', text: t('audit.log.lead') }),
    form,
  ];
  if (refusal) {
    const status = h('div', { class: 'form-status' }, notice(t('audit.filter.refused'), 'error'));
    showFieldErrors(form, { fieldErrors: refusalErrors(refusal, q) }, status);
    return h('section', { class: 'page audit-log' }, header, status);
  }
  const columns = [
    { label: t('audit.col.seq'), class: 'num', cell: (e) => String(e.seq) },
    { label: t('audit.col.time'), class: 'time', cell: (e) => timeNode(e.at) },
    { label: t('audit.col.actor'), class: 'actor', cell: actorCell },
    { label: t('audit.col.record'), class: 'record', cell: (e) => recordCell(e, names) },
    { label: t('audit.col.event'), cell: (e) => [h('span', { text: eventText(e.entity, e.event) }), h('br'), h('code', { class: 'muted', text: e.event })] },
    { label: t('audit.col.change'), cell: changeText },
    { label: t('audit.col.detail'), class: 'detail', cell: (e) => detailNode(e.detail, orgs) },
    { label: t('audit.col.hash'), cell: (e) => hashNode(e.hash) },
  ];
  const summary = t(filtered ? 'audit.log.total_filtered' : 'audit.log.total', { count: number(page.total) });
  const grid = table(t('audit.log.caption'), columns, page.items, { empty: t('audit.log.none') });
  grid.querySelectorAll('tbody tr').forEach((tr, i) => { tr.dataset.seq = page.items[i].seq; });
  const paging = h('nav', { class: 'pager', 'aria-label': t('audit.log.pages') },
    q.before ? h('a', { class: 'button', href: here(), text: t('audit.log.newest') }) : null,
    page.next ? h('a', { class: 'button', rel: 'next', href: here({ before: page.next }), text: t('audit.log.older') }) : null);
  return h('section', { class: 'page audit-log' }, header,
    h('p', { class: 'audit-total', 'aria-live': 'polite', text: summary }),
    q.entity && q.entity_id ? h('p', {}, link(`/audit/timeline/${q.entity}/${q.entity_id}`, t('audit.timeline_of', { record: `${entityName(q.entity)} #${q.entity_id}` }))) : null,
    grid, paging);
}
