// #/verifications: for a strategic partner, the tranche requests to verify and the reports to
// accept of the grants their organisation supports, oldest first, each with its buttons.

import { h } from '../../dom.js';
import { dateTime, label, money, t } from '../../i18n.js';
import { orgId } from '../../session.js';
import { actionBar } from '../../components/actions.js';
import { link, pageHeader, section, table } from '../../components/ui.js';
import { exportLinks } from '../../components/exports.js';
import { personOf } from '../../components/people.js';
import { reportName, stackOnPhone } from './data.js';
import { dueCell } from './reports_panel.js';
import { trancheActions } from './tranches.js';
import { reportsInState, tranchesInStates } from './tranche_source.js';

export async function verificationsView(ctx) {
  ctx.setTitle(t('grants.verify.title'));
  const mineOnly = (x) => x.grant.supporting_org_id === orgId();
  const [tranches, reports] = await Promise.all([tranchesInStates(['requested']), reportsInState('submitted')]);
  const reload = () => ctx.reload();
  const when = (v) => (v ? h('time', { datetime: v, text: dateTime(v) }) : '—');
  const trancheColumns = [
    { label: t('grants.tranche.col.tranche'), cell: (tr) => tr.reference },
    { label: t('grants.queue.col.grant'), cell: (tr) => link(`/grants/${tr.grant.id}`, tr.grant.reference) },
    { label: t('grants.col.city'), cell: (tr) => tr.grant.city.name },
    { label: t('grants.col.amount'), class: 'num', cell: (tr) => money(tr.amount) },
    { label: t('grants.tranche.col.trigger'), cell: (tr) => label('grants.trigger', tr.trigger) },
    { label: t('grants.verify.col.requested'), cell: (tr) => h('span', {}, personOf(tr, 'requested_by'), ' · ', when(tr.requested_at)) },
    { label: t('grants.tranche.col.actions'), cell: (tr) => trancheActions(tr, { onDone: reload }) },
  ];
  const reportColumns = [
    { label: t('grants.report.col.kind'), cell: (r) => link(`/reports/${r.id}`, reportName(r)) },
    { label: t('grants.queue.col.grant'), cell: (r) => link(`/grants/${r.grant.id}`, r.grant.reference) },
    { label: t('grants.col.city'), cell: (r) => r.grant.city.name },
    { label: t('grants.report.col.due'), cell: dueCell },
    { label: t('grants.verify.col.submitted'), cell: (r) => h('span', {}, personOf(r, 'submitted_by'), ' · ', when(r.submitted_at)) },
    { label: t('grants.tranche.col.actions'), cell: (r) => {
      const bar = actionBar('report', r, { onDone: reload, onStale: reload });
      if (bar.getAttribute('role') === 'group') bar.setAttribute('aria-label', t('grants.verify.report_actions', { report: `${reportName(r)} · ${r.grant.reference}` }));
      return h('div', { class: 'report-actions', dataset: { report: String(r.id) } }, bar);
    } },
  ];
  return h('section', { class: 'page verifications' },
    pageHeader(t('grants.verify.title')),
    h('p', { class: 'lead', text: t('grants.verify.lead') }),
    section(t('grants.verify.tranches'), exportLinks('tranches', { state: 'requested' }), stackOnPhone(table(t('grants.verify.tranches_caption'), trancheColumns, tranches.filter(mineOnly), { empty: t('grants.verify.no_tranches') }))),
    section(t('grants.verify.reports'), h('p', { class: 'hint', text: t('grants.verify.reports_hint') }), exportLinks('reports', { state: 'submitted' }),
      stackOnPhone(table(t('grants.verify.reports_caption'), reportColumns, reports.filter(mineOnly), { empty: t('grants.verify.no_reports') }))));
}
