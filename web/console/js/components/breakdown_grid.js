// The breakdown of one value (a period's target, a report's actual) by the dimensions of its
// indicator: one small table per dimension with a whole-number cell per value, and under each
// table a live status in words (role=status, a marker besides the colour) saying whether the
// cells add up to the total. A dimension left wholly blank is not broken down; blank cells are
// not sent. Used by the proposal form and the report form; their words come from the calling
// area's catalog under `prefix`:
//   dimension.<code>, value.<value>, grid.value, grid.number, grid.target, grid.sum,
//   grid.status_blank|ok|under|over|no_total|unreadable, error.whole_number.

import { h, uid } from '../dom.js';
import { has, number, t } from '../i18n.js';
import { parseCount } from './measure.js';

export function dimensionLabel(prefix, code) {
  return has(`${prefix}.dimension.${code}`) ? t(`${prefix}.dimension.${code}`) : code.replaceAll('_', ' ');
}

export function valueLabel(prefix, value) {
  return has(`${prefix}.value.${value}`) ? t(`${prefix}.value.${value}`) : value.replaceAll('_', ' ');
}

function dimensionTable({ dimension, cells, targets, context, prefix, onInput }) {
  const statusId = uid('dim-status');
  const inputs = new Map();
  const rows = dimension.values.map((value) => {
    const id = uid('cell');
    const stated = cells?.[value];
    const input = h('input', { id, class: 'cell', inputmode: 'numeric', autocomplete: 'off', size: '7',
      value: stated === undefined || stated === null ? '' : String(stated), 'aria-describedby': statusId, dataset: { value } });
    input.addEventListener('input', onInput);
    inputs.set(value, input);
    return h('tr', {},
      h('th', { scope: 'row' }, h('label', { for: id },
        context ? h('span', { class: 'visually-hidden', text: `${context}, ${dimensionLabel(prefix, dimension.code)}: ` }) : null,
        valueLabel(prefix, value))),
      targets ? h('td', { class: 'num target-cell', text: targets[value] === undefined ? '—' : number(targets[value]) }) : null,
      h('td', { class: 'num' }, input));
  });
  const sum = h('td', { class: 'num grid-sum' });
  const status = h('p', { class: 'grid-status', id: statusId, role: 'status' });
  const table = h('table', { class: 'breakdown-table' },
    h('caption', { text: dimensionLabel(prefix, dimension.code) }),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', text: t(`${prefix}.grid.value`) }),
      targets ? h('th', { scope: 'col', class: 'num', text: t(`${prefix}.grid.target`) }) : null,
      h('th', { scope: 'col', class: 'num', text: t(`${prefix}.grid.number`) }))),
    h('tbody', {}, rows),
    h('tfoot', {}, h('tr', {},
      h('th', { scope: 'row', text: t(`${prefix}.grid.sum`) }),
      targets ? h('td', { class: 'num', text: '' }) : null,
      sum)));
  const node = h('div', { class: 'field breakdown-dim', tabindex: '-1', dataset: { dimension: dimension.code } }, table, status);
  return { node, inputs, sum, status };
}

// The grid for `dimensions` ([{code, values}]) with the stated `cells` ({dim: {value: n}}) and,
// for a report, the period's `targets` (same shape) in a column beside them. totalOf() answers
// the total typed now (null when blank, NaN when unreadable); `context` names the value for
// screen readers ("Period 1 target"). Answers {node, refresh(), read(fieldPrefix)}.
export function breakdownGrid({ dimensions, cells = {}, targets, totalOf, context, prefix }) {
  const tables = dimensions.map((dimension) => dimensionTable({
    dimension, cells: cells?.[dimension.code], targets: targets ? (targets[dimension.code] ?? {}) : null, context, prefix, onInput: () => refresh(),
  }));

  function refresh() {
    const total = totalOf();
    for (const [i, table] of tables.entries()) {
      const dimension = dimensionLabel(prefix, dimensions[i].code);
      const typed = [...table.inputs.values()].map((input) => parseCount(input.value)).filter((v) => v !== null);
      const sum = typed.reduce((s, v) => s + (Number.isNaN(v) ? 0 : v), 0);
      let state;
      let text;
      if (!typed.length) [state, text] = ['blank', t(`${prefix}.grid.status_blank`, { dimension })];
      else if (typed.some(Number.isNaN)) [state, text] = ['off', t(`${prefix}.grid.status_unreadable`, { dimension })];
      else if (total === null || Number.isNaN(total)) [state, text] = ['off', t(`${prefix}.grid.status_no_total`, { dimension, sum: number(sum) })];
      else if (sum === total) [state, text] = ['ok', t(`${prefix}.grid.status_ok`, { dimension, total: number(total) })];
      else {
        const key = sum < total ? 'status_under' : 'status_over';
        [state, text] = ['off', t(`${prefix}.grid.${key}`, { dimension, sum: number(sum), total: number(total), diff: number(Math.abs(total - sum)) })];
      }
      table.sum.textContent = typed.length ? number(sum) : '—';
      if (table.status.textContent !== text) table.status.textContent = text;
      table.node.dataset.balanced = String(state === 'ok');
      table.node.classList.remove('ok', 'off', 'blank');
      table.node.classList.add(state);
    }
  }

  // The breakdown to send ({} when nothing is broken down) and the cells that are not whole
  // numbers; each table and cell is named after its place in the request (`fieldPrefix`).
  function read(fieldPrefix) {
    const breakdown = {};
    const errors = [];
    for (const [i, table] of tables.entries()) {
      const code = dimensions[i].code;
      table.node.dataset.field = `${fieldPrefix}.${code}`;
      const stated = {};
      for (const [value, input] of table.inputs) {
        input.dataset.field = `${fieldPrefix}.${code}.${value}`;
        const n = parseCount(input.value);
        if (n === null) continue;
        if (Number.isNaN(n)) errors.push({ field: input.dataset.field, message: t(`${prefix}.error.whole_number`) });
        else stated[value] = n;
      }
      if (Object.keys(stated).length) breakdown[code] = stated;
    }
    return { breakdown, errors };
  }

  // Whether any cell has something typed in it.
  const touched = () => tables.some((table) => [...table.inputs.values()].some((input) => input.value.trim()));

  const node = h('div', { class: 'breakdown-grid' }, tables.map((table) => table.node));
  refresh();
  return { node, refresh, read, touched };
}
