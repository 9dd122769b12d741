// #/proposals: the proposals this user may see (the server scopes them: a city's applicants see
// their city's, partners what they review or support, the fund everything), with filters, sort
// and cursor pages, all kept in the hash so that a filtered view can be linked.

import { get, withQuery } from '../../api.js';
import { h } from '../../dom.js';
import { date, money, number, t } from '../../i18n.js';
import { href } from '../../router.js';
import { hasRole } from '../../session.js';
import { problemNotice } from '../../components/problem.js';
import { exportLinks } from '../../components/exports.js';
import { link, pageHeader, stateBadge, table } from '../../components/ui.js';
import { workflows } from '../../components/workflows.js';
import { allCalls, allOrganisations, plural, stateName } from './common.js';

const PAGE_SIZE = 25;
const SORTS = ['-updated_at', 'updated_at', '-id', 'id'];
const FILTERS = ['state', 'call', 'city', 'sort'];

// The filters and cursor of the hash; `trail` keeps the cursors of the pages before this one
// ("-" for the first page) so that "previous page" works with a forward-only cursor; `limit`
// (1-200, default 25) is the page size.
function readQuery(query) {
  return {
    state: query.state ?? '', call: query.call ?? '', city: query.city ?? '',
    sort: SORTS.includes(query.sort) ? query.sort : '-updated_at',
    after: query.after ?? '', trail: query.trail ? query.trail.split(',') : [],
    limit: /^\d+$/.test(query.limit ?? '') ? Math.min(200, Math.max(1, Number(query.limit))) : PAGE_SIZE,
  };
}

function select(name, text, options, value) {
  const id = `filter-${name}`;
  return h('div', { class: 'field' }, h('label', { for: id, text }),
    h('select', { id, name }, options.map((o) => h('option', { value: o.value, selected: String(o.value) === String(value) }, o.text))));
}

async function filterForm(ctx, q) {
  const fund = hasRole('fund_manager', 'auditor');
  const machines = await workflows();
  const states = machines.proposal?.states ?? [];
  const [calls, cities] = fund ? await Promise.all([allCalls(), allOrganisations()]) : [[], []];
  const all = { value: '', text: t('common.all') };
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': t('proposals.list.filters') },
    select('state', t('proposals.list.state'), [all, ...states.map((s) => ({ value: s, text: stateName(s) }))], q.state),
    fund ? select('call', t('proposals.list.call'), [all, ...calls.map((c) => ({ value: c.id, text: `${c.code} · ${c.title}` }))], q.call) : null,
    fund ? select('city', t('proposals.list.city'), [all, ...cities.filter((o) => o.kind === 'city')
      .sort((a, b) => a.name.localeCompare(b.name)).map((o) => ({ value: o.id, text: o.name }))], q.city) : null,
    select('sort', t('proposals.list.sort'), SORTS.map((s) => ({ value: s, text: t(`proposals.sort.${s}`) })), q.sort),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', text: t('common.filter') })));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    ctx.go('/proposals', Object.fromEntries(FILTERS.map((k) => [k, String(data.get(k) ?? '')])));
  });
  return form;
}

function pager(q, next) {
  const base = Object.fromEntries(FILTERS.map((k) => [k, q[k]]));
  if (q.limit !== PAGE_SIZE) base.limit = q.limit;
  const links = [];
  if (q.after) {
    const trail = q.trail.slice(0, -1);
    const prev = q.trail.at(-1);
    links.push(h('a', { class: 'button', rel: 'prev', href: href('/proposals', { ...base, after: prev && prev !== '-' ? prev : undefined, trail: trail.join(',') || undefined }) }, t('common.previous')));
  }
  if (next) {
    const trail = [...q.trail, q.after || '-'].join(',');
    links.push(h('a', { class: 'button', rel: 'next', href: href('/proposals', { ...base, after: next, trail }) }, t('common.next')));
  }
  return links.length ? h('nav', { class: 'pager buttons', 'aria-label': t('proposals.list.pages') }, links) : null;
}

function rows(items) {
  return table(t('proposals.list.caption'), [
    { label: t('proposals.field.reference'), cell: (p) => link(`/proposals/${p.id}`, p.reference, { class: 'proposal-ref' }) },
    { label: t('proposals.field.title'), cell: (p) => h('span', { lang: p.language, text: p.title || t('proposals.untitled') }) },
    { label: t('proposals.field.city'), cell: (p) => p.city?.name ?? '—' },
    { label: t('proposals.field.state'), cell: (p) => stateBadge('proposal', p.state) },
    { label: t('proposals.field.amount'), class: 'num', cell: (p) => money(p.amount) },
    { label: t('proposals.field.updated'), cell: (p) => h('time', { datetime: p.updated_at, text: date(p.updated_at) }) },
  ], items, { empty: t('proposals.list.empty') });
}

export async function listView(ctx) {
  ctx.setTitle(t('proposals.list.title'));
  const q = readQuery(ctx.query);
  const start = hasRole('applicant') ? h('a', { class: 'button primary', href: '#/proposals/new', text: t('proposals.list.start') }) : null;
  const header = pageHeader(t('proposals.list.title'), start,
    exportLinks('proposals', { state: q.state, call: q.call, city: q.city, sort: q.sort }));
  const intro = h('p', { class: 'lead', text: t(hasRole('applicant') ? 'proposals.list.intro_applicant' : hasRole('partner') && !hasRole('fund_manager', 'auditor') ? 'proposals.list.intro_partner' : 'proposals.list.intro_fund') });
  let page;
  try {
    page = await get(withQuery('/proposals', { state: q.state, call: q.call, city: q.city, sort: q.sort, after: q.after, limit: q.limit }));
  } catch (err) {
    if (err.status === 401) throw err;
    return h('section', { class: 'page proposals-list' }, header, intro, await filterForm(ctx, q), problemNotice(err));
  }
  const filtered = q.state || q.call || q.city;
  return h('section', { class: 'page proposals-list' }, header, intro,
    await filterForm(ctx, q),
    h('p', { class: 'list-total', role: 'status', dataset: { total: page.total } },
      plural(filtered ? 'proposals.list.total_filtered' : 'proposals.list.total', page.total, { count: number(page.total) })),
    rows(page.items),
    pager(q, page.next));
}
