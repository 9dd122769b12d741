// The full content of a proposal's current version, read-only, for its reviewers: summary (with
// the English translation when the fund attached one), target groups, beneficiaries, duration,
// the budget lines with their total, and the results framework (baseline and targets).

import { h } from '../../dom.js';
import { label, money, moneyOf, number, t } from '../../i18n.js';
import { facts, section, table } from '../../components/ui.js';
import { frameworkView } from '../proposals/results_view.js';

function budgetTable(lines, currency) {
  const total = lines.reduce((sum, l) => sum + l.amount.amount_minor, 0);
  const wrap = table(t('reviews.content.budget'), [
    { label: t('reviews.content.category'), cell: (l) => label('reviews.category', l.category) },
    { label: t('reviews.content.description'), cell: (l) => l.description },
    { label: t('reviews.content.line_amount'), class: 'num', cell: (l) => money(l.amount) },
  ], lines, { empty: t('reviews.content.no_budget') });
  const tbody = wrap.querySelector('tbody');
  if (tbody) {
    wrap.querySelector('table').append(h('tfoot', {}, h('tr', {},
      h('th', { scope: 'row', colspan: '2', text: t('reviews.content.total') }),
      h('td', { class: 'num', text: moneyOf(total, currency) }))));
  }
  return wrap;
}

// A "The proposal" panel for `proposal` (GET /proposals/{id} with full access); `catalog` (the
// indicator catalog) and `periods` (the call's) describe its results framework.
export function proposalContent(proposal, { catalog, periods } = {}) {
  const v = proposal.current;
  const groups = (v.target_groups ?? []).map((g) => label('reviews.target', g));
  return section(t('reviews.content.title'),
    h('h3', { text: t('reviews.content.summary') }),
    h('p', { class: 'proposal-summary', lang: v.language, text: v.summary || '—' }),
    v.translation_en ? [h('h3', { text: t('reviews.content.translation') }), h('p', { class: 'proposal-summary', lang: 'en', text: v.translation_en })] : null,
    facts([
      [t('reviews.content.target_groups'), groups.length ? h('ul', { class: 'inline-list' }, groups.map((g) => h('li', { text: g }))) : '—'],
      [t('reviews.content.beneficiaries'), v.beneficiaries !== undefined ? number(v.beneficiaries) : '—'],
      [t('reviews.content.duration'), v.duration_months !== undefined ? t('reviews.content.months', { n: v.duration_months }) : '—'],
      [t('reviews.content.version'), t('reviews.content.version_n', { n: v.number, language: label('reviews.language', v.language) })],
    ]),
    budgetTable(v.budget ?? [], v.amount?.currency ?? 'USD'),
    v.stage === 'full' ? [h('h3', { text: t('reviews.content.framework') }),
      frameworkView(v.indicators ?? [], { catalog, periods, currency: v.amount?.currency ?? 'USD' })] : null);
}
