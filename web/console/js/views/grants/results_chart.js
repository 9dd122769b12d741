// The grant page's "What the grant achieved" panel (GET /grants/{id}/results): per indicator a
// figure of horizontal bars, target (outlined), actual verified by the supporting partner
// (solid) and values still awaiting verification (hatched), each with its number; the figure's
// caption says the same in words with the % achieved, and a table gives every period's target,
// actual and pending value.

import { get } from '../../api.js';
import { h, uid } from '../../dom.js';
import { number, t } from '../../i18n.js';
import { indicatorName } from '../../components/indicators.js';
import { formatValue } from '../../components/measure.js';
import { table } from '../../components/ui.js';
import { stackOnPhone } from './data.js';

const P = 'grants.results';

function barRow(series, label, value, max, shown) {
  const width = max > 0 ? Math.max(0, Math.min(100, (value * 100) / max)) : 0;
  const bar = h('span', { class: 'result-bar' });
  bar.style.width = `${width.toFixed(2)}%`;  // CSSOM: the CSP allows no style attributes
  return h('div', { class: ['result-bar-row', `series-${series}`], dataset: { series, value: String(value) } },
    h('span', { class: 'result-bar-label', text: label }),
    h('span', { class: 'result-bar-track' }, bar),
    h('span', { class: 'result-bar-value', text: shown }));
}

function pendingOf(item) {
  return (item.periods ?? []).filter((p) => p.pending).map((p) => ({ period: p.period, total: p.pending.total }));
}

function figure(item, currency) {
  const ind = item.indicator;
  const name = indicatorName(ind);
  const value = (v) => formatValue(v, ind.unit, { currency, prefix: P });
  const target = item.target?.total ?? null;
  const actual = item.actual?.total ?? 0;
  const pending = pendingOf(item);
  const max = Math.max(target ?? 0, actual, ...pending.map((p) => p.total));
  const headingId = uid('res-h');
  let said;
  if (target === null) said = t('grants.results.summary_no_target', { actual: value(actual) });
  else if (ind.unit === 'yes_no') said = t('grants.results.summary_yes_no', { actual: value(actual), target: value(target) });
  else said = t('grants.results.summary', { actual: value(actual), target: value(target), pct: item.achieved_pct === null || item.achieved_pct === undefined ? '—' : number(item.achieved_pct) });
  const words = [said,
  ...pending.map((p) => t('grants.results.summary_pending', { value: value(p.total), period: p.period }))].join(' ');
  return h('figure', { class: 'result-figure', dataset: { indicator: ind.code, achieved: String(item.achieved_pct ?? '') }, 'aria-labelledby': headingId },
    h('h3', { id: headingId }, name, item.required ? [' ', h('span', { class: 'required-tag', text: t('grants.results.required') })] : null),
    h('div', { class: 'result-bars', 'aria-hidden': 'true' },
      barRow('target', t('grants.results.grid.target'), target ?? 0, max, target === null ? '—' : value(target)),
      barRow('actual', t('grants.results.actual_verified'), actual, max, value(actual)),
      pending.map((p) => barRow('pending', t('grants.results.pending_period', { period: p.period }), p.total, max, value(p.total)))),
    h('figcaption', { class: 'result-summary', text: words }));
}

function legend() {
  return h('ul', { class: 'result-legend' },
    ['target', 'actual', 'pending'].map((s) => h('li', {},
      h('span', { class: ['legend-swatch', `series-${s}`], 'aria-hidden': 'true' }),
      t(`grants.results.legend.${s}`))));
}

// The panel for `grant` (null when the results cannot be read).
export async function resultsPanel(grant) {
  let data;
  try {
    data = await get(`/grants/${grant.id}/results`);
  } catch (err) {
    if (err.status === 401) throw err;
    return null;
  }
  const currency = grant.amount.currency;
  const items = data.indicators ?? [];
  const rows = items.flatMap((item) => (item.periods ?? []).map((p) => ({ item, ...p })));
  const value = (row, v) => formatValue(v, row.item.indicator.unit, { currency, prefix: P });
  const body = items.length ? [
    legend(),
    h('div', { class: 'result-figures' }, items.map((item) => figure(item, currency))),
    stackOnPhone(table(t('grants.results.periods_caption'), [
      { label: t('grants.results.indicator'), cell: (r) => indicatorName(r.item.indicator) },
      { label: t('grants.results.period_col'), class: 'num', cell: (r) => number(r.period) },
      { label: t('grants.results.grid.target'), class: 'num', cell: (r) => (r.target ? value(r, r.target.total) : '—') },
      { label: t('grants.results.actual_verified'), class: 'num period-actual', cell: (r) => (r.actual ? value(r, r.actual.total) : '—') },
      { label: t('grants.results.pending'), class: 'num period-pending', cell: (r) => (r.pending ? value(r, r.pending.total) : '—') },
    ], rows)),
  ] : h('p', { class: 'empty', text: t('grants.results.no_targets') });
  return h('section', { class: 'panel grant-results', 'aria-labelledby': 'grant-results-h' },
    h('h2', { id: 'grant-results-h', text: t('grants.results.chart_title') }),
    h('p', { class: 'hint', text: t('grants.results.chart_hint', { periods: data.periods }) }),
    body);
}
