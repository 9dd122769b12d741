// A version's results framework, read-only: per indicator its baseline and a table of the
// target of each period, with the breakdown cells under the total, one group of rows per
// dimension. Shown with the version's content on the proposal page and in every version of
// its history.

import { h } from '../../dom.js';
import { number, t } from '../../i18n.js';
import { dimensionLabel, valueLabel } from '../../components/breakdown_grid.js';
import { indicatorName, orderedValues } from '../../components/indicators.js';
import { formatValue } from '../../components/measure.js';
import { periodLabel } from './results_step.js';

const P = 'proposals.results';

function planTable(plan, indicator, periods, currency, catalog) {
  const name = indicatorName(indicator);
  const value = (v) => formatValue(v, indicator.unit, { currency, prefix: P });
  const columns = Array.from({ length: periods }, (_, p) => p);
  const cellOf = (p, dim, val) => {
    const n = plan.targets?.[p]?.breakdown?.[dim]?.[val];
    return h('td', { class: 'num', text: n === undefined ? '—' : number(n) });
  };
  const dims = (indicator.dimensions ?? []).filter((d) => columns.some((p) => Object.keys(plan.targets?.[p]?.breakdown?.[d] ?? {}).length));
  const valuesOf = (dim) => orderedValues(catalog, dim, columns.flatMap((p) => Object.keys(plan.targets?.[p]?.breakdown?.[dim] ?? {})));
  return h('div', { class: 'table-wrap plan-view', tabindex: '0', role: 'region', 'aria-label': name, dataset: { indicator: plan.indicator } },
    h('table', {},
      h('caption', {}, name, ' ', h('span', { class: 'baseline-note', text: t('proposals.results.baseline_value', { value: value(plan.baseline ?? 0) }) })),
      h('thead', {}, h('tr', {},
        h('td', {}),
        columns.map((p) => h('th', { scope: 'col', class: 'num', text: periodLabel(p + 1, periods) })))),
      h('tbody', {}, h('tr', { class: 'target-row' },
        h('th', { scope: 'row', text: t('proposals.results.target') }),
        columns.map((p) => h('td', { class: 'num target-value', text: plan.targets?.[p] ? value(plan.targets[p].total) : '—' })))),
      dims.map((dim) => h('tbody', { class: 'dimension-rows', dataset: { dimension: dim } },
        h('tr', {}, h('th', { scope: 'rowgroup', colspan: String(periods + 1), class: 'dimension-head', text: dimensionLabel(P, dim) })),
        valuesOf(dim).map((val) => h('tr', {},
          h('th', { scope: 'row', class: 'value-head', text: valueLabel(P, val) }),
          columns.map((p) => cellOf(p, dim, val))))))));
}

// The framework of `version` (its "indicators"); `catalog` names the indicators, `periods` is
// the call's number of reporting periods (else the longest list of targets).
export function frameworkView(plans, { catalog, periods, currency = 'USD' } = {}) {
  if (!plans?.length) return h('p', { class: 'empty', text: t('proposals.results.none_stated') });
  const n = periods ?? Math.max(1, ...plans.map((p) => p.targets?.length ?? 0));
  return h('div', { class: 'framework-view' }, plans.map((plan) => {
    const indicator = catalog?.byCode.get(plan.indicator) ?? { code: plan.indicator, unit: 'people', dimensions: Object.keys(plan.targets?.[0]?.breakdown ?? {}), names: {} };
    return planTable(plan, indicator, n, currency, catalog);
  }));
}
