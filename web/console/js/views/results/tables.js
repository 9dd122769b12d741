// The tables of a roll-up: per indicator, one row per group with target, actual and % achieved
// and the total in the footer; per breakdown dimension, one row per group and one column per
// value ("169 of 500", "33 %"). Row headers are <th scope="row">, so a screen reader names the
// group of every number; each cell also carries its numbers as data attributes.

import { h } from '../../dom.js';
import { number, t } from '../../i18n.js';
import { percent, valueName } from './format.js';

// A scrolling wrapper (keyboard-focusable, named by the caption) around a table.
function wrap(className, caption, ...parts) {
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', { class: className }, h('caption', { text: caption }), parts));
}

const head = (labels) => h('thead', {}, h('tr', {}, labels.map(([text, cls]) => h('th', { scope: 'col', class: cls, text }))));

// rows: [{key, name, entry}] (entry: the indicator's numbers in that group); total: the whole.
export function groupsTable({ caption, groupHeading, rows, total, fmt }) {
  const line = (tag, name, entry, key) => h('tr', { dataset: { key } },
    h('th', { scope: 'row', class: 'name', text: name }),
    h(tag, { class: 'num grants', text: number(entry.grants ?? 0) }),
    h(tag, { class: 'num target', dataset: { value: entry.target }, text: fmt(entry.target) }),
    h(tag, { class: 'num actual', dataset: { value: entry.actual }, text: fmt(entry.actual) }),
    h(tag, { class: 'num achieved', text: percent(entry.achieved_pct) }));
  return wrap('rs-groups', caption,
    head([[groupHeading, 'name'], [t('results.col.grants'), 'num'], [t('results.col.target'), 'num'], [t('results.col.actual'), 'num'], [t('results.col.achieved'), 'num']]),
    h('tbody', {}, rows.map((r) => line('td', r.name, r.entry, r.key))),
    h('tfoot', {}, line('td', t('results.total'), total, 'total')));
}

// The cells of one dimension of an entry's breakdown, by value code.
function cellsOf(entry, dimension) {
  return new Map((entry?.breakdown ?? []).filter((b) => b.dimension === dimension).map((b) => [b.value, b]));
}

function cell(b, fmt) {
  if (!b) return h('td', { class: 'num', text: '—' });
  return h('td', { class: 'num rs-cell', dataset: { value: b.value, target: b.target, actual: b.actual } },
    h('span', { class: 'actual', text: fmt(b.actual) }), ' ',
    h('span', { class: 'of', text: t('results.of_target', { target: fmt(b.target) }) }),
    h('span', { class: 'pct', text: percent(b.achieved_pct) }));
}

// One dimension's values as columns, the groups (and the total) as rows.
export function breakdownTable({ caption, groupHeading, dimension, values, rows, total, fmt }) {
  const line = (name, entry, key) => {
    const cells = cellsOf(entry, dimension);
    return h('tr', { dataset: { key } }, h('th', { scope: 'row', class: 'name', text: name }), values.map((v) => cell(cells.get(v), fmt)));
  };
  return wrap('rs-dimension-table', caption,
    head([[groupHeading, 'name'], ...values.map((v) => [valueName(dimension, v), 'num'])]),
    h('tbody', {}, rows.map((r) => line(r.name, r.entry, r.key))),
    h('tfoot', {}, line(t('results.total'), total, 'total')));
}

// The values of `dimension` in the order the API gives them (the catalog's order).
export function valuesOf(entry, dimension) {
  return [...new Set((entry?.breakdown ?? []).filter((b) => b.dimension === dimension).map((b) => b.value))];
}

export function dimensionsOf(entry) {
  return [...new Set((entry?.breakdown ?? []).map((b) => b.dimension))];
}

