// The two row editors of the new-call form: weighted criteria (weights must add up to 100) and
// the tranche plan (shares must add up to 100 %), each with add/remove and a live total that
// also carries the server's error for the whole list (data-field="criteria" / "tranche_plan").

import { h } from '../../dom.js';
import { parseMoney, plainAmount, t } from '../../i18n.js';
import { field } from '../../components/ui.js';
import { percentBp, TRIGGERS } from './common.js';

// A fieldset of rows; `makeRow(values)` answers the row's fields, `sum(rows)` the live total
// line's {ok, text}; `api` names the list in the request ("criteria").
function rowsEditor({ api, legend, hint, addText, rowLegend, makeRow, sum, initial, className }) {
  const list = h('div', { class: 'rows' });
  const total = h('p', { class: 'sum-line', dataset: { field: api }, tabindex: '-1', 'aria-live': 'polite' });
  const refresh = () => {
    const rows = [...list.children];
    rows.forEach((row, i) => {
      row.querySelector('legend').textContent = rowLegend(i + 1);
      row.querySelector('button.remove').setAttribute('aria-label', t('admin.form.remove_row', { row: rowLegend(i + 1) }));
    });
    const { ok, text } = sum(rows);
    total.textContent = text;
    total.classList.toggle('ok', ok);
    total.classList.toggle('bad', !ok);
  };
  const addRow = (values = {}) => {
    const remove = h('button', { type: 'button', class: 'remove small', text: t('common.remove') });
    const row = h('fieldset', { class: ['row', className] }, h('legend', {}), makeRow(values), remove);
    remove.addEventListener('click', () => {
      const next = row.nextElementSibling ?? row.previousElementSibling;
      row.remove();
      refresh();
      (next?.querySelector('input, select') ?? add).focus();
    });
    list.append(row);
    refresh();
    return row;
  };
  const add = h('button', { type: 'button', class: 'add', text: addText });
  add.addEventListener('click', () => { addRow().querySelector('input, select')?.focus(); });
  list.addEventListener('input', refresh);
  list.addEventListener('change', refresh);
  for (const values of initial) addRow(values);
  const node = h('fieldset', { class: ['rows-editor', `${api}-editor`] }, h('legend', { text: legend }),
    h('p', { class: 'hint', text: hint }), list, h('div', { class: 'buttons' }, add), h('div', { class: 'field' }, total));
  return { node, rows: () => [...list.children] };
}

const value = (row, name) => String(row.querySelector(`[name="${name}"]`)?.value ?? '').trim();
const whole = (text) => (/^\d+$/.test(text) ? Number(text) : text);

// Sets each sent row's controls' data-field to its place in the request, so that the server's
// "criteria[1].weight" lands next to the right control; rows left blank are not sent.
function numberRows(rows, api, names, blank) {
  let i = 0;
  const sent = [];
  for (const row of rows) {
    const isBlank = blank(row);
    for (const [name, member] of Object.entries(names)) {
      const el = row.querySelector(`[name="${name}"]`);
      if (isBlank) delete el.dataset.field;
      else el.dataset.field = `${api}[${i}].${member}`;
    }
    if (!isBlank) { sent.push(row); i += 1; }
  }
  return sent;
}

export function criteriaEditor(initial = [{}]) {
  const editor = rowsEditor({
    api: 'criteria', className: 'criterion',
    legend: t('admin.form.criteria'), hint: t('admin.form.criteria_hint'), addText: t('admin.form.add_criterion'),
    rowLegend: (n) => t('admin.form.criterion_n', { n }), initial,
    makeRow: (v) => [
      field({ label: t('admin.call.criterion_code'), name: 'criterion_code', value: v.code, attrs: { autocomplete: 'off', spellcheck: 'false' } }),
      field({ label: t('admin.call.criterion_name'), name: 'criterion_name', value: v.name, attrs: { autocomplete: 'off' } }),
      field({ label: t('admin.form.weight'), name: 'criterion_weight', type: 'number', value: v.weight, attrs: { min: '1', max: '100', step: '1', inputmode: 'numeric' } }),
      field({ label: t('texts.criterion_guidance'), name: 'criterion_guidance', kind: 'textarea', value: v.guidance, hint: t('texts.guidance_hint'), attrs: { rows: 2 } }),
    ],
    sum: (rows) => {
      const total = rows.reduce((s, r) => s + (Number.parseInt(value(r, 'criterion_weight'), 10) || 0), 0);
      return total === 100 ? { ok: true, text: t('admin.form.weights_ok') } : { ok: false, text: t('admin.form.weights_off', { total }) };
    },
  });
  const blank = (r) => !value(r, 'criterion_code') && !value(r, 'criterion_name') && !value(r, 'criterion_weight') && !value(r, 'criterion_guidance');
  return {
    node: editor.node,
    read: () => numberRows(editor.rows(), 'criteria', { criterion_code: 'code', criterion_name: 'name', criterion_weight: 'weight', criterion_guidance: 'guidance' }, blank)
      .map((r) => ({ code: value(r, 'criterion_code'), name: value(r, 'criterion_name'), weight: whole(value(r, 'criterion_weight')), guidance: value(r, 'criterion_guidance') })),
  };
}

// Shares are typed as percentages ("40", "33.33") and sent as basis points (4000, 3333).
export function trancheEditor(initial = [{ share_bp: 4000, trigger: 'signature' }, { share_bp: 4000, trigger: 'progress_report' }, { share_bp: 2000, trigger: 'final_report' }]) {
  const bp = (row) => parseMoney(value(row, 'tranche_share'), 2);
  const editor = rowsEditor({
    api: 'tranche_plan', className: 'tranche',
    legend: t('admin.form.plan'), hint: t('admin.form.plan_hint'), addText: t('admin.form.add_tranche'),
    rowLegend: (n) => t('admin.form.tranche_n', { n }), initial,
    makeRow: (v) => [
      field({ label: t('admin.form.share'), name: 'tranche_share', value: v.share_bp ? plainAmount(v.share_bp).replace(/\.00$/, '') : '', attrs: { inputmode: 'decimal', autocomplete: 'off' } }),
      field({ label: t('admin.call.tranche_trigger'), name: 'tranche_trigger', kind: 'select', value: v.trigger ?? 'signature',
        options: TRIGGERS.map((x) => ({ value: x, text: t(`admin.trigger.${x}`) })) }),
    ],
    sum: (rows) => {
      const total = rows.reduce((s, r) => s + (bp(r) ?? 0), 0);
      return total === 10000 ? { ok: true, text: t('admin.form.shares_ok') } : { ok: false, text: t('admin.form.shares_off', { total: percentBp(total) }) };
    },
  });
  const blank = (r) => !value(r, 'tranche_share');
  return {
    node: editor.node,
    // Answers {plan} or {error} when a share is not a percentage.
    read: () => {
      const rows = numberRows(editor.rows(), 'tranche_plan', { tranche_share: 'share_bp', tranche_trigger: 'trigger' }, blank);
      const bad = rows.findIndex((r) => bp(r) === null || bp(r) < 1 || bp(r) > 10000);
      if (bad >= 0) return { error: { field: `tranche_plan[${bad}].share_bp`, message: t('admin.form.share_invalid') } };
      return { plan: rows.map((r) => ({ share_bp: bp(r), trigger: value(r, 'tranche_trigger') })) };
    },
  };
}
