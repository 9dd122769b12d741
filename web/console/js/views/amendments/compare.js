// Old and new terms of a grant side by side: amount, end date, each budget line and each
// tranche (amount, milestone, planned date), the changed rows marked.

import { h } from '../../dom.js';
import { date, money, t } from '../../i18n.js';

function row(label, before, after, changed) {
  return h('tr', { class: changed ? 'changed' : undefined, dataset: { changed: changed ? 'yes' : 'no' } },
    h('th', { scope: 'row', text: label }),
    h('td', { class: 'before', text: before }),
    h('td', { class: 'after', text: after }));
}

function trancheText(tr) {
  if (!tr) return '—';
  const parts = [money(tr.amount)];
  if (tr.milestone) parts.push(tr.milestone);
  if (tr.planned_at) parts.push(date(tr.planned_at));
  if (tr.state !== 'scheduled') parts.push(t(`state.${tr.state}`));
  return parts.join(' · ');
}

// `lineNames`: budget line id -> "category — description".
export function termsComparison(before, after, lineNames = new Map()) {
  const rows = [
    row(t('amendments.terms.amount'), money(before.amount), money(after.amount),
      before.amount.amount_minor !== after.amount.amount_minor),
    row(t('amendments.terms.ends_at'), date(before.ends_at), date(after.ends_at), before.ends_at !== after.ends_at),
  ];
  for (const line of after.budget_lines) {
    const old = before.budget_lines.find((l) => l.budget_line_id === line.budget_line_id);
    rows.push(row(lineNames.get(line.budget_line_id) ?? t('amendments.terms.line', { id: line.budget_line_id }),
      old ? money(old.amount) : '—', money(line.amount), old?.amount.amount_minor !== line.amount.amount_minor));
  }
  for (const tr of after.tranches) {
    const old = before.tranches.find((x) => x.seq === tr.seq);
    const a = trancheText(old);
    const b = trancheText(tr);
    rows.push(row(t('amendments.terms.tranche', { seq: tr.seq }), a, b, a !== b));
  }
  return h('div', { class: 'table-wrap' }, h('table', { class: 'terms-comparison' },
    h('caption', { text: t('amendments.terms.caption', { before: before.number, after: after.number }) }),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', text: t('amendments.terms.what') }),
      h('th', { scope: 'col', text: t('amendments.terms.before') }),
      h('th', { scope: 'col', text: t('amendments.terms.after') }))),
    h('tbody', {}, rows)));
}
