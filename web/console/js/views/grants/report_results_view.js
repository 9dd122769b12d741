// A report's actuals, read-only (for the supporting partner who verifies them, and for anyone
// once it is submitted): per indicator the target of the period and the actual, the comment and
// the files cited as evidence, and the breakdown of both in a disclosure.

import { h } from '../../dom.js';
import { number, t } from '../../i18n.js';
import { dimensionLabel, valueLabel } from '../../components/breakdown_grid.js';
import { indicatorName, orderedValues } from '../../components/indicators.js';
import { formatValue } from '../../components/measure.js';
import { table } from '../../components/ui.js';

const P = 'grants.results';

function breakdownTable(indicator, target, actual, catalog) {
  const name = indicatorName(indicator);
  const present = new Set([...Object.keys(target?.breakdown ?? {}), ...Object.keys(actual?.breakdown ?? {})]);
  const dims = [...(indicator.dimensions ?? []).filter((d) => present.has(d)), ...[...present].filter((d) => !(indicator.dimensions ?? []).includes(d))];
  if (!dims.length) return null;
  const cell = (m, dim, val) => {
    const n = m?.breakdown?.[dim]?.[val];
    return h('td', { class: 'num', text: n === undefined ? '—' : number(n) });
  };
  return h('details', { class: 'result-breakdown' },
    h('summary', { text: t('grants.results.breakdown_of', { name }) }),
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('grants.results.breakdown_of', { name }) },
      h('table', {},
        h('caption', { text: t('grants.results.breakdown_of', { name }) }),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col', text: t('grants.results.grid.value') }),
          h('th', { scope: 'col', class: 'num', text: t('grants.results.grid.target') }),
          h('th', { scope: 'col', class: 'num', text: t('grants.results.grid.number') }))),
        dims.map((dim) => {
          const values = orderedValues(catalog, dim, [...Object.keys(target?.breakdown?.[dim] ?? {}), ...Object.keys(actual?.breakdown?.[dim] ?? {})]);
          return h('tbody', { dataset: { dimension: dim } },
            h('tr', {}, h('th', { scope: 'rowgroup', colspan: '3', class: 'dimension-head', text: dimensionLabel(P, dim) })),
            values.map((val) => h('tr', {},
              h('th', { scope: 'row', class: 'value-head', text: valueLabel(P, val) }),
              cell(target, dim, val), cell(actual, dim, val))));
        }))));
}

// The results of `report` against report.targets; `attachments` name the evidence files.
export function reportResultsView(report, { catalog, currency, attachments = [] }) {
  const stated = new Map((report.results ?? []).map((r) => [r.indicator, r]));
  const files = new Map(attachments.map((a) => [a.id, a]));
  const rows = (report.targets ?? []).map((entry) => ({
    entry, result: stated.get(entry.indicator),
    indicator: catalog?.byCode.get(entry.indicator) ?? { code: entry.indicator, unit: 'people', names: {} },
  }));
  const value = (row, v) => formatValue(v, row.indicator.unit, { currency, prefix: P });
  const evidence = (row) => {
    const ids = row.result?.evidence ?? [];
    if (!ids.length) return '—';
    return h('ul', { class: 'plain-list' }, ids.map((id) => h('li', {}, files.has(id)
      ? h('a', { href: `/api/v1/attachments/${id}/content`, download: files.get(id).filename, text: files.get(id).filename })
      : t('grants.results.file_id', { id }))));
  };
  return h('div', { class: 'report-results-view' },
    table(t('grants.results.caption', { period: report.period }), [
      { label: t('grants.results.indicator'), cell: (r) => h('span', {}, indicatorName(r.indicator),
        r.entry.required ? [' ', h('span', { class: 'required-tag', text: t('grants.results.required') })] : null) },
      { label: t('grants.results.grid.target'), class: 'num', cell: (r) => value(r, r.entry.target?.total) },
      { label: t('grants.results.actual'), class: 'num result-actual', cell: (r) => (r.result ? value(r, r.result.actual.total) : t('grants.results.not_stated')) },
      { label: t('grants.results.comment'), cell: (r) => r.result?.comment || '—' },
      { label: t('grants.results.evidence_col'), cell: evidence },
    ], rows, { empty: t('grants.results.no_targets') }),
    rows.map((r) => breakdownTable(r.indicator, r.entry.target, r.result?.actual, catalog)));
}
