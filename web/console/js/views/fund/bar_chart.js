// A grouped horizontal bar chart in SVG: one band per item, one bar per series (planned,
// disbursed; target, actual), told apart by pattern (solid / hatched) and by the legend, each bar
// labelled with its value; an axis in the page's language. Values are money by default, or what a
// `scale` says (counts for the results pages). role="img" with <title> and <desc>: the table
// under the chart carries the same numbers for screen readers.

import { h, svg, uid } from '../../dom.js';
import { language, money, number } from '../../i18n.js';
import { fractionDigits, moneyShort } from './format.js';

const W = { label: 190, plot: 380, value: 150, bar: 18, barGap: 4, band: 18, top: 44, axis: 34 };

// A round step for about `ticks` intervals up to `max` (whole major units, at least 1).
function niceStep(max, ticks = 4) {
  const raw = Math.max(1, max / ticks);
  const pow = 10 ** Math.floor(Math.log10(raw));
  const n = raw / pow;
  const f = n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 && pow >= 10 ? 2.5 : n <= 5 ? 5 : 10;
  return f * pow;
}

function shorten(text, max = 22) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

// How the chart reads and writes its values. `amount(v)` is the whole number the bars are drawn
// from (minor units for money), `unit` how many of them make one axis step unit, `text(v)` the
// label of a bar and `tick(n)` the label of an axis mark at n units.
export function moneyScale(currency = 'USD') {
  return {
    money: true,
    unit: 10 ** fractionDigits(currency),
    amount: (v) => v?.amount_minor ?? 0,
    text: (v) => money(v ?? { amount_minor: 0, currency }),
    tick: (major) => moneyShort(major, currency),
  };
}

// Plain counts (people, services); `text` formats a bar's value (number() by default).
export function countScale(text = number) {
  const compact = new Intl.NumberFormat(language(), { notation: 'compact', maximumFractionDigits: 1 });
  return { money: false, unit: 1, amount: (v) => v ?? 0, text: (v) => text(v ?? 0), tick: (n) => compact.format(n) };
}

// items: [{id, name, note, values: {key: value}}]; series: [{key, label, className, hatched}];
// values are money ({amount_minor, currency}) unless `scale` says otherwise.
export function groupedBarChart({ items, series, currency, title, desc, scale = moneyScale(currency) }) {
  const { unit } = scale;
  const maxMinor = Math.max(0, ...items.flatMap((it) => series.map((s) => scale.amount(it.values[s.key]))));
  const step = niceStep(Math.ceil(maxMinor / unit));
  const ticks = Math.max(1, Math.ceil(Math.ceil(maxMinor / unit) / step));
  const axisMax = step * ticks * unit;
  const x = (minor) => W.label + (W.plot * minor) / axisMax;
  const bandH = series.length * (W.bar + W.barGap) - W.barGap + W.band;
  const width = W.label + W.plot + W.value;
  const plotBottom = W.top + items.length * bandH;
  const height = plotBottom + W.axis;
  const ids = { title: uid('chart-title'), desc: uid('chart-desc'), hatch: uid('hatch') };

  const legend = series.map((s, i) => svg('g', { class: 'legend-item', transform: `translate(${10 + i * 150},12)` },
    svg('rect', { class: ['bar', s.className], width: 18, height: 14, fill: s.hatched ? `url(#${ids.hatch})` : undefined }),
    svg('text', { x: 24, y: 12, class: 'legend-text' }, s.label)));
  const axis = Array.from({ length: ticks + 1 }, (_, i) => svg('g', { class: 'tick' },
    svg('line', { x1: x(i * step * unit), x2: x(i * step * unit), y1: W.top - 6, y2: plotBottom, class: i ? 'grid' : 'baseline' }),
    svg('text', { x: x(i * step * unit), y: plotBottom + 20, 'text-anchor': 'middle', class: 'tick-label' }, scale.tick(i * step))));
  const bands = items.map((it, row) => {
    const y0 = W.top + row * bandH + W.band / 2;
    return svg('g', { class: 'bar-group', dataset: { id: it.id } },
      svg('text', { x: W.label - 10, y: y0 + W.bar - 4, 'text-anchor': 'end', class: 'item-label' }, svg('title', {}, it.name), shorten(it.name)),
      it.note ? svg('text', { x: W.label - 10, y: y0 + W.bar + 14, 'text-anchor': 'end', class: 'item-note' }, it.note) : null,
      series.map((s, i) => {
        const v = it.values[s.key];
        const amount = scale.amount(v);
        const y = y0 + i * (W.bar + W.barGap);
        const end = x(amount);
        return [
          svg('rect', { class: ['bar', s.className], x: W.label, y, width: Math.max(end - W.label, 0), height: W.bar, fill: s.hatched ? `url(#${ids.hatch})` : undefined, dataset: scale.money ? { series: s.key, value: amount, minor: amount } : { series: s.key, value: amount } },
            svg('title', {}, `${s.label}: ${scale.text(v)}`)),
          svg('text', { class: 'bar-value', x: end + 6, y: y + W.bar - 5 }, scale.text(v)),
        ];
      }));
  });
  return svg('svg', { class: 'bar-chart', role: 'img', width, height, viewBox: `0 0 ${width} ${height}`, 'aria-labelledby': ids.title, 'aria-describedby': ids.desc },
    svg('title', { id: ids.title }, title), svg('desc', { id: ids.desc }, desc),
    svg('defs', {}, svg('pattern', { id: ids.hatch, width: 7, height: 7, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      svg('rect', { width: 7, height: 7, class: 'hatch-bg' }), svg('line', { x1: 0, y1: 0, x2: 0, y2: 7, class: 'hatch-line' }))),
    svg('g', { class: 'legend' }, legend), svg('g', { class: 'axis' }, axis), svg('g', { class: 'bars' }, bands));
}

// The chart in a wrapper that scrolls sideways on narrow screens.
export function chartFigure(chart, label) {
  return h('div', { class: 'chart-scroll', role: 'region', tabindex: '0', 'aria-label': label }, chart);
}
