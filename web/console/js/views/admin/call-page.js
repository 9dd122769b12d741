// #/calls/:id: one call with its state, money terms, dates, weighted criteria and tranche plan,
// one button per action the server offers this user (fund managers open and close, admins and
// fund managers archive), and, for those who may read the audit chain, its history.

import { get, withQuery } from '../../api.js';
import { h } from '../../dom.js';
import { dateTime, money, t } from '../../i18n.js';
import { actionBar } from '../../components/actions.js';
import { timelineList } from '../../components/timeline.js';
import { facts, link, pageHeader, section, stateBadge, table } from '../../components/ui.js';
import { hasRole } from '../../session.js';
import { awardRange } from './calls.js';
import { callTextsPanel } from './call-texts.js';
import { percentBp } from './common.js';

// Who takes the call further when this user cannot.
const NEXT_STEP = { draft: 'admin.call.next_draft', open: 'admin.call.next_open', closed: 'admin.call.next_closed' };

function criteriaPanel(call) {
  const total = call.criteria.reduce((s, c) => s + c.weight, 0);
  const columns = [
    { label: t('admin.call.criterion_code'), cell: (c) => h('code', { text: c.code }) },
    { label: t('admin.call.criterion_name'), cell: (c) => c.name },
    { label: t('texts.criterion_guidance'), cell: (c) => c.guidance || '—' },
    { label: t('admin.call.criterion_weight'), class: 'num', cell: (c) => percentBp(c.weight * 100) },
  ];
  return section(t('admin.call.criteria'),
    table(t('admin.call.criteria_caption'), columns, call.criteria, { empty: t('admin.call.no_criteria') }),
    call.criteria.length ? h('p', { class: ['sum-line', total === 100 ? 'ok' : 'bad'], text: t('admin.call.weights_total', { total: percentBp(total * 100) }) }) : null);
}

function planPanel(call) {
  const total = call.tranche_plan.reduce((s, p) => s + p.share_bp, 0);
  const columns = [
    { label: t('admin.call.tranche_seq'), class: 'num', cell: (p) => String(p.seq) },
    { label: t('admin.call.tranche_share'), class: 'num', cell: (p) => percentBp(p.share_bp) },
    { label: t('admin.call.tranche_trigger'), cell: (p) => t(`admin.trigger.${p.trigger}`) },
  ];
  return section(t('admin.call.plan'),
    table(t('admin.call.plan_caption'), columns, call.tranche_plan, { empty: t('admin.call.no_plan') }),
    call.tranche_plan.length ? h('p', { class: ['sum-line', total === 10000 ? 'ok' : 'bad'], text: t('admin.call.shares_total', { total: percentBp(total) }) }) : null);
}

// The call's events from the audit chain, oldest first (there is no /calls/{id}/timeline).
async function historyPanel(call) {
  if (!hasRole('auditor', 'fund_manager')) return null;
  const page = await get(withQuery('/audit', { entity: 'call', entity_id: call.id, limit: 200 }));
  return section(t('timeline.title'), timelineList(page.items.slice().reverse()),
    h('p', {}, link(`/audit/timeline/call/${call.id}`, t('admin.call.full_timeline'))));
}

export async function callView(ctx) {
  const call = await get(`/calls/${encodeURIComponent(ctx.params.id)}`);
  ctx.setTitle(`${call.code} · ${call.title}`);
  const history = await historyPanel(call).catch(() => null);
  return h('section', { class: 'page admin-call', dataset: { call: call.id, state: call.state } },
    h('p', { class: 'crumbs' }, link('/calls', t('admin.calls.title'))),
    pageHeader(call.title, stateBadge('call', call.state)),
    h('p', { class: 'lead' }, h('code', { text: call.code })),
    section(t('admin.call.actions'), actionBar('call', call, { onDone: () => ctx.reload(), onStale: () => ctx.reload() }),
      !call.actions.length && NEXT_STEP[call.state] ? h('p', { class: 'hint', text: t(NEXT_STEP[call.state]) }) : null),
    section(t('admin.call.terms'), facts([
      [t('admin.call.state'), stateBadge('call', call.state)],
      [t('admin.call.budget'), money(call.budget)],
      [t('admin.call.range'), awardRange(call)],
      [t('admin.call.threshold'), h('span', {}, money(call.threshold), h('span', { class: 'hint', text: ` ${t('admin.call.threshold_hint')}` }))],
      [t('admin.call.duration'), t('admin.call.months', { count: call.max_duration_months })],
      [t('admin.call.opens'), call.opens_at ? dateTime(call.opens_at) : t('admin.call.not_opened')],
      [t('admin.call.closes'), dateTime(call.closes_at)],
      [t('admin.call.stages'), t(call.two_stage ? 'admin.calls.two_stage' : 'admin.calls.single_stage')],
    ]), call.description ? h('p', { class: 'description', text: call.description }) : null),
    criteriaPanel(call), planPanel(call),
    callTextsPanel(call, { onSaved: () => ctx.reload(), onStale: () => ctx.reload() }),
    history);
}
