// #/chart: planned against disbursed money, per call or per city (?by=call|city), as a grouped
// bar chart with the same numbers in a table under it.

import { h } from '../../dom.js';
import { money, number, t } from '../../i18n.js';
import { notice, pageHeader, table } from '../../components/ui.js';
import { chartFigure, groupedBarChart } from './bar_chart.js';
import { plural } from './format.js';
import { moneyStats } from './money_source.js';

const GROUPINGS = ['call', 'city'];

function switcher(by) {
  return h('nav', { class: 'segmented', 'aria-label': t('fund.chart.group_by') },
    h('span', { class: 'segmented-label', 'aria-hidden': 'true', text: t('fund.chart.group_by') }),
    h('ul', {}, GROUPINGS.map((g) => h('li', {}, h('a', {
      href: `#/chart?by=${g}`, class: 'button', 'aria-current': g === by ? 'true' : undefined, dataset: { by: g },
    }, t(`fund.chart.by_${g}`))))));
}

export async function chartView(ctx) {
  ctx.setTitle(t('fund.chart.title'));
  const by = GROUPINGS.includes(ctx.query.by) ? ctx.query.by : 'call';
  const data = await moneyStats(by);
  const items = data.items ?? [];
  const what = t(`fund.chart.per_${by}`);
  const series = [
    { key: 'planned', label: t('fund.chart.planned'), className: 'bar-planned' },
    { key: 'disbursed', label: t('fund.chart.disbursed'), className: 'bar-disbursed', hatched: true },
  ];
  const body = items.length ? [
    chartFigure(groupedBarChart({
      items: items.map((it) => ({ id: it.id, name: it.name, note: plural('fund.chart.grants', it.grants), values: { planned: it.planned, disbursed: it.disbursed } })),
      series, currency: data.currency ?? 'USD',
      title: t('fund.chart.svg_title', { by: what }),
      desc: t('fund.chart.svg_desc', { count: number(items.length) }),
    }), t('fund.chart.region', { by: what })),
    table(t('fund.chart.table_caption', { by: what }), [
      { label: t(`fund.chart.col_${by}`), cell: (it) => it.name, class: 'name' },
      { label: t('fund.chart.col_grants'), cell: (it) => number(it.grants), class: 'num grants' },
      { label: t('fund.chart.planned'), cell: (it) => money(it.planned), class: 'num planned' },
      { label: t('fund.chart.disbursed'), cell: (it) => money(it.disbursed), class: 'num disbursed' },
    ], items),
  ] : h('p', { class: 'empty', text: t('fund.chart.empty') });
  return h('section', { class: 'page fund-chart', dataset: { by } },
    pageHeader(t('fund.chart.title')),
    h('p', { class: 'lead', text: t('fund.chart.intro') }),
    switcher(by),
    data.others.length ? notice(t('fund.other_currencies', { currency: data.currency, others: data.others.join(', ') }), 'warn') : null,
    h('section', { class: 'panel', 'aria-labelledby': 'chart-h2' },
      h('h2', { id: 'chart-h2', text: t('fund.chart.heading', { by: what }) }), body));
}
