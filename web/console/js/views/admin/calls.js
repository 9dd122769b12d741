// #/calls: the funding rounds with their state, budget, award range, four-eyes threshold and
// dates (?state= shows one state); admins and fund managers start a new call from here.

import { get, withQuery } from '../../api.js';
import { h } from '../../dom.js';
import { date, money, t } from '../../i18n.js';
import { link, pageHeader, stateBadge, table } from '../../components/ui.js';
import { hasRole } from '../../session.js';

const CALL_STATES = ['draft', 'open', 'closed', 'archived'];

export function awardRange(call) {
  return t('admin.calls.range', { min: money(call.min_award), max: money(call.max_award) });
}

export async function callsView(ctx) {
  ctx.setTitle(t('admin.calls.title'));
  const state = CALL_STATES.includes(ctx.query.state) ? ctx.query.state : '';
  const page = await get(withQuery('/calls', { state }));
  const calls = page.items.slice().sort((a, b) => b.id - a.id);
  const columns = [
    { label: t('admin.calls.col.code'), cell: (c) => link(`/calls/${c.id}`, c.code) },
    { label: t('admin.calls.col.title'), cell: (c) => c.title },
    { label: t('admin.calls.col.state'), cell: (c) => stateBadge('call', c.state) },
    { label: t('admin.calls.col.budget'), class: 'num', cell: (c) => money(c.budget) },
    { label: t('admin.calls.col.range'), cell: awardRange },
    { label: t('admin.calls.col.threshold'), class: 'num', cell: (c) => money(c.threshold) },
    { label: t('admin.calls.col.dates'), cell: (c) => t('admin.calls.dates', { opens: date(c.opens_at), closes: date(c.closes_at) }) },
    { label: t('admin.calls.col.stages'), cell: (c) => t(c.two_stage ? 'admin.calls.two_stage' : 'admin.calls.single_stage') },
  ];
  const filter = h('nav', { class: 'state-filter', 'aria-label': t('admin.calls.filter') },
    h('ul', {}, [['', t('common.all')], ...CALL_STATES.map((s) => [s, t(`state.${s}`)])].map(([s, text]) =>
      h('li', {}, h('a', { href: s ? `#/calls?state=${s}` : '#/calls', 'aria-current': s === state ? 'page' : undefined, text })))));
  return h('section', { class: 'page admin-calls' },
    pageHeader(t('admin.calls.title'),
      hasRole('admin', 'fund_manager') ? h('a', { href: '#/calls/new', class: 'button primary', text: t('admin.calls.new') }) : null),
    h('p', { class: 'lead', text: t('admin.calls.lead') }),
    filter,
    table(t('admin.calls.caption', { count: page.total ?? calls.length }), columns, calls, { empty: t('admin.calls.none') }));
}
