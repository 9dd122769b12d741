// A results roll-up (GET /results, or a donor summary's "results") drawn as one panel per
// indicator: its name, definition and unit, a bar chart of target against actual per group, the
// same numbers in a table with the total, and the breakdown per dimension (population group, sex,
// age band, reach) as a chart of the whole and a table per group.

import { h, uid } from '../../dom.js';
import { number, t } from '../../i18n.js';
import { chartFigure, countScale, groupedBarChart, moneyScale } from '../fund/bar_chart.js';
import { plural } from '../fund/format.js';
import {
  aggregationName, dimensionName, indicatorDefinition, indicatorName, sortedGroups, unitName, valueFormat, valueName,
} from './format.js';
import { breakdownTable, dimensionsOf, groupsTable, valuesOf } from './tables.js';

const SERIES = () => [
  { key: 'target', label: t('results.col.target'), className: 'rs-bar-target' },
  { key: 'actual', label: t('results.col.actual'), className: 'rs-bar-actual', hatched: true },
];

// The chart's scale for an indicator: money from minor units, else counts written by `fmt`.
function scaleFor(unit, currency, fmt) {
  return unit === 'currency' && currency ? moneyScale(currency) : countScale(fmt);
}

function chart({ unit, currency, fmt, items, title }) {
  const money = unit === 'currency' && currency;
  const wrapValue = (v) => (money ? { amount_minor: v ?? 0, currency } : v ?? 0);
  return chartFigure(groupedBarChart({
    items: items.map((it) => ({ ...it, values: { target: wrapValue(it.target), actual: wrapValue(it.actual) } })),
    series: SERIES(), currency: currency ?? 'USD', scale: scaleFor(unit, currency, fmt),
    title, desc: t('results.chart.desc', { count: number(items.length) }),
  }), t('results.chart.region', { title }));
}

function heading(level, id, text) {
  return h(`h${level}`, { id, text });
}

// The breakdown of one indicator: per dimension a chart of the whole and a table per group.
function breakdown({ name, rows, total, fmt, unit, currency, groupHeading, groupNoun, level, open }) {
  const dims = dimensionsOf(total);
  if (!dims.length) return null;
  return h('details', { class: 'rs-breakdown', open },
    h('summary', {}, t('results.breakdown.summary', { dimensions: dims.map(dimensionName).join(', ') })),
    dims.map((dim) => {
      const values = valuesOf(total, dim);
      const cells = new Map(total.breakdown.filter((b) => b.dimension === dim).map((b) => [b.value, b]));
      // A plain block, not a region: every indicator has a "By sex" part.
      return h('div', { class: 'rs-dimension', dataset: { dimension: dim } },
        heading(level + 1, undefined, t('results.breakdown.by', { dimension: dimensionName(dim) })),
        chart({
          unit, currency, fmt,
          items: values.map((v) => ({ id: v, name: valueName(dim, v), target: cells.get(v)?.target, actual: cells.get(v)?.actual })),
          title: t('results.breakdown.chart_title', { indicator: name, dimension: dimensionName(dim) }),
        }),
        breakdownTable({
          caption: t('results.breakdown.caption', { indicator: name, dimension: dimensionName(dim), by: groupNoun }),
          groupHeading, dimension: dim, values, rows, total, fmt,
        }));
    }));
}

// One panel per indicator of `answer` (a ResultsRollUp). indicators: Map code -> catalog entry;
// currency: of the money indicators (null when mixed); level: the panels' heading level;
// open: whether the breakdowns start unfolded.
export function rollupPanels(answer, { by, indicators, currency, level = 2, open = false }) {
  const groups = sortedGroups(by, answer.groups ?? []);
  const groupHeading = t(`results.group_by.${by}`);
  const groupNoun = t(`results.noun.${by}`);
  return (answer.total?.indicators ?? []).map((total) => {
    const code = total.indicator;
    const meta = indicators.get(code);
    const name = indicatorName(meta, code);
    const fmt = valueFormat(total.unit, currency);
    const rows = groups.map((g) => ({ key: g.key, name: g.name, entry: g.indicators.find((i) => i.indicator === code) }))
      .filter((r) => r.entry);
    const id = uid('ind');
    const definition = indicatorDefinition(meta);
    return h('section', { class: 'panel result-indicator', dataset: { indicator: code, unit: total.unit }, 'aria-labelledby': id },
      heading(level, id, name),
      definition ? h('p', { class: 'indicator-definition', text: definition }) : null,
      h('p', { class: 'hint indicator-unit', text: t('results.unit_line', { unit: unitName(total.unit), aggregation: aggregationName(meta?.aggregation ?? 'sum') }) }),
      rows.length ? chart({
        unit: total.unit, currency, fmt,
        items: rows.map((r) => ({ id: r.key, name: r.name, note: plural('results.grants', r.entry.grants ?? 0), target: r.entry.target, actual: r.entry.actual })),
        title: t('results.chart.title', { indicator: name, by: groupNoun }),
      }) : null,
      groupsTable({ caption: t('results.table.caption', { indicator: name, by: groupNoun }), groupHeading, rows, total, fmt }),
      breakdown({ name, rows, total, fmt, unit: total.unit, currency, groupHeading, groupNoun, level, open }));
  });
}
