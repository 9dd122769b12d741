// What a proposal version says, read-only: summary, target groups, beneficiaries, duration,
// amount, the budget table with its total and, for a full proposal, the results framework.
// Used for the current version and for every frozen version in the history.

import { h } from '../../dom.js';
import { money, moneyOf, number, t } from '../../i18n.js';
import { facts, table } from '../../components/ui.js';
import { budgetTotal, categoryLabel, languageName, targetLabel } from './common.js';
import { frameworkView } from './results_view.js';

// The budget lines as a table with a total row, and whether they add up to `amount`.
export function budgetTable(lines, amount, caption) {
  if (!lines?.length) return h('p', { class: 'empty', text: t('proposals.content.no_budget') });
  const currency = amount?.currency ?? lines[0].amount.currency;
  const wrap = table(caption, [
    { label: t('proposals.budget.category'), cell: (l) => categoryLabel(l.category) },
    { label: t('proposals.budget.description'), cell: (l) => l.description || '—' },
    { label: t('proposals.budget.amount'), class: 'num', cell: (l) => money(l.amount) },
  ], lines);
  const total = budgetTotal(lines);
  wrap.querySelector('table').append(h('tfoot', {}, h('tr', {},
    h('th', { scope: 'row', colspan: '2', text: t('proposals.budget.total') }),
    h('td', { class: 'num', dataset: { label: t('proposals.budget.total') } }, h('strong', { text: moneyOf(total, currency) })))));
  const balanced = amount && total === amount.amount_minor;
  const note = amount ? h('p', { class: ['budget-check', balanced ? 'ok' : 'off'],
    text: balanced ? t('proposals.budget.balanced') : t('proposals.content.unbalanced', { amount: money(amount) }) }) : null;
  return h('div', { class: 'budget-view' }, wrap, note);
}

// The summary as paragraphs (blank lines separate them), in the proposal's language.
function summaryBlock(text, lang) {
  if (!text) return h('p', { class: 'empty', text: t('proposals.content.no_summary') });
  return h('div', { class: 'summary-text', lang }, text.split(/\n\s*\n/).map((p) => h('p', { text: p })));
}

// The content of one version (the API's ProposalVersion with full access). `catalog` (the
// indicator catalog) and `periods` (the call's) describe its results framework.
export function versionContent(version, { headingLevel = 'h3', catalog, periods } = {}) {
  const framework = version.stage === 'full' || version.indicators?.length;
  const groups = version.target_groups ?? [];
  return h('div', { class: 'version-content' },
    facts([
      [t('proposals.field.stage'), t(`proposals.stage.${version.stage}`)],
      [t('proposals.field.language'), languageName(version.language)],
      [version.stage === 'concept' ? t('proposals.field.amount_indicative') : t('proposals.field.amount'), money(version.amount)],
      [t('proposals.field.target_groups'), groups.length ? h('ul', { class: 'inline-list' }, groups.map((g) => h('li', { text: targetLabel(g) }))) : '—'],
      [t('proposals.field.beneficiaries'), version.beneficiaries ? number(version.beneficiaries) : '—'],
      [t('proposals.field.duration'), version.duration_months ? t('proposals.content.months', { n: number(version.duration_months) }) : '—'],
    ]),
    h(headingLevel, { text: t('proposals.field.summary') }),
    summaryBlock(version.summary, version.language),
    h(headingLevel, { text: t('proposals.budget.title') }),
    budgetTable(version.budget, version.amount, t('proposals.budget.caption', { n: version.number })),
    framework ? [h(headingLevel, { text: t('proposals.results.title') }),
      frameworkView(version.indicators, { catalog, periods, currency: version.amount?.currency })] : null);
}
