// Two panels of the grant page: its reports (kind, due date with overdue said in words, state,
// a link to each report) and its budget against the actual spending, with totals.

import { h } from '../../dom.js';
import { date, label, money, t } from '../../i18n.js';
import { link, section, stateBadge, table } from '../../components/ui.js';
import { exportLinks } from '../../components/exports.js';
import { isOverdue, reportName, sumMoney } from './data.js';

// The due date of `report` and, when it is overdue, the word for it (not a colour alone).
export function dueCell(report) {
  const due = h('time', { datetime: report.due_at, text: date(report.due_at) });
  return isOverdue(report)
    ? h('span', { class: 'due overdue' }, due, ' ', h('strong', { class: 'overdue-flag', text: t('grants.report.overdue') }))
    : h('span', { class: 'due' }, due);
}

export function reportsPanel(reports, grantId) {
  const sorted = [...reports].sort((a, b) => a.seq - b.seq);
  const columns = [
    { label: t('grants.report.col.kind'), cell: (r) => link(`/reports/${r.id}`, reportName(r)) },
    { label: t('grants.report.col.due'), cell: dueCell },
    { label: t('grants.col.state'), cell: (r) => stateBadge('report', r.state) },
  ];
  const overdue = sorted.filter((r) => isOverdue(r));
  return section(t('grants.report.title'), grantId ? exportLinks('reports', { grant: grantId }) : null,
    overdue.length ? h('p', { class: 'notice warn', text: t('grants.report.overdue_notice', { count: overdue.length }) }) : null,
    table(t('grants.report.caption'), columns, sorted, { empty: t('grants.report.empty') }));
}

// Budget vs actual (GET /grants/{id}/budget items) with a totals row.
export function budgetPanel(lines, currency) {
  const diff = (l) => ({ amount_minor: l.planned.amount_minor - l.actual.amount_minor, currency: l.planned.currency });
  const columns = [
    { label: t('grants.budget.col.category'), cell: (l) => label('grants.category', l.category) },
    { label: t('grants.budget.col.description'), cell: (l) => l.description },
    { label: t('grants.budget.col.planned'), class: 'num', cell: (l) => money(l.planned) },
    { label: t('grants.budget.col.actual'), class: 'num', cell: (l) => money(l.actual) },
    { label: t('grants.budget.col.remaining'), class: 'num', cell: (l) => money(diff(l)) },
  ];
  const wrap = table(t('grants.budget.caption'), columns, lines, { empty: t('grants.budget.empty') });
  const planned = sumMoney(lines, (l) => l.planned, currency);
  const actual = sumMoney(lines, (l) => l.actual, currency);
  const remaining = { amount_minor: planned.amount_minor - actual.amount_minor, currency: planned.currency };
  wrap.querySelector('table')?.append(h('tfoot', {}, h('tr', { class: 'total' },
    h('th', { scope: 'row', colspan: '2', text: t('grants.budget.total') }),
    h('td', { class: 'num budget-total-planned', text: money(planned) }),
    h('td', { class: 'num budget-total-actual', text: money(actual) }),
    h('td', { class: 'num', text: money(remaining) }))));
  return section(t('grants.budget.title'), h('p', { class: 'hint', text: t('grants.budget.hint') }), wrap);
}
