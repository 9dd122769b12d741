// The budget lines of the proposal form: one row per line (category, description, amount),
// rows added and removed, and a live total that says whether the lines add up to the amount
// requested. Each control carries data-field="budget[i].<member>" for the server's errors.

import { h, uid } from '../../dom.js';
import { editableAmount, moneyOf, parseMoney, t } from '../../i18n.js';
import { CATEGORIES, categoryLabel } from './common.js';

function lineRow(line, onChange, onRemove) {
  const ids = { category: uid('cat'), description: uid('desc'), amount: uid('amt') };
  const category = h('select', { id: ids.category, class: 'line-category' },
    CATEGORIES.map((c) => h('option', { value: c, selected: c === (line.category ?? 'personnel') }, categoryLabel(c))));
  const description = h('input', { id: ids.description, class: 'line-description', maxlength: '200', autocomplete: 'off', value: line.description ?? '' });
  const amount = h('input', { id: ids.amount, class: 'line-amount', inputmode: 'decimal', autocomplete: 'off',
    value: line.amount ? editableAmount(line.amount.amount_minor) : '' });
  const number = h('span', { class: 'line-number' });
  const removeLabel = h('span', { class: 'visually-hidden' });
  const remove = h('button', { type: 'button', class: 'remove-line' }, t('proposals.budget.remove'), removeLabel);
  const legend = h('legend', {}, number);
  const row = h('fieldset', { class: 'budget-line' }, legend,
    h('div', { class: 'field' }, h('label', { for: ids.category, text: t('proposals.budget.category') }), category),
    h('div', { class: 'field' }, h('label', { for: ids.description, text: t('proposals.budget.description') }), description),
    h('div', { class: 'field' }, h('label', { for: ids.amount, text: t('proposals.budget.amount') }), amount),
    h('div', { class: 'line-tools' }, remove));
  amount.addEventListener('input', onChange);
  remove.addEventListener('click', () => onRemove(row));
  row.setNumber = (n) => {
    number.textContent = t('proposals.budget.line', { n });
    removeLabel.textContent = ` ${t('proposals.budget.line', { n })}`;
  };
  row.controls = { category, description, amount };
  return row;
}

// The editor for `lines` (the API's BudgetLine list). `amountInput` is the amount-requested
// control the total is compared with. Answers {node, read(), refresh()}.
export function budgetEditor(lines, { amountInput, currency = 'USD' }) {
  const rows = h('div', { class: 'budget-lines' });
  const status = h('p', { class: 'budget-status', role: 'status', 'aria-live': 'polite' });
  const total = h('div', { class: 'field budget-total', dataset: { field: 'budget' }, tabindex: '-1' }, status);
  const all = () => [...rows.children];

  const refresh = () => {
    all().forEach((row, i) => row.setNumber(i + 1));
    const amounts = all().map((r) => r.controls.amount.value.trim()).filter(Boolean).map((v) => parseMoney(v));
    const sum = amounts.reduce((s, v) => s + (v ?? 0), 0);
    const requested = parseMoney(amountInput.value);
    let key;
    let state;
    if (!all().length) [key, state] = ['proposals.budget.status_empty', 'empty'];
    else if (amounts.some((v) => v === null)) [key, state] = ['proposals.budget.status_unreadable', 'off'];
    else if (requested === null) [key, state] = ['proposals.budget.status_no_amount', 'off'];
    else if (sum === requested) [key, state] = ['proposals.budget.status_ok', 'ok'];
    else [key, state] = [sum > requested ? 'proposals.budget.status_over' : 'proposals.budget.status_under', 'off'];
    status.textContent = t(key, { total: moneyOf(sum, currency), amount: requested === null ? '' : moneyOf(requested, currency),
      diff: requested === null ? '' : moneyOf(Math.abs(sum - requested), currency) });
    total.dataset.balanced = String(state === 'ok');
    total.className = `field budget-total ${state}`;
  };
  const remove = (row) => {
    const index = all().indexOf(row);
    row.remove();
    refresh();
    const next = all()[Math.min(index, all().length - 1)];
    (next?.controls.category ?? addButton).focus();
  };
  const add = (line = {}) => {
    const row = lineRow(line, refresh, remove);
    rows.append(row);
    refresh();
    return row;
  };
  const addButton = h('button', { type: 'button', class: 'add-line', text: t('proposals.budget.add') });
  addButton.addEventListener('click', () => add().controls.category.focus());
  amountInput.addEventListener('input', refresh);
  for (const line of lines ?? []) add(line);
  if (!lines?.length) add();

  // The lines to send (rows left wholly blank are skipped) and the amounts that are not numbers;
  // the controls of each sent row are named after its index in the request.
  const read = () => {
    const out = [];
    const errors = [];
    for (const row of all()) {
      const { category, description, amount } = row.controls;
      const blank = !description.value.trim() && !amount.value.trim();
      const i = out.length;
      for (const [member, el] of [['category', category], ['description', description], ['amount_minor', amount]]) {
        if (blank) delete el.dataset.field;
        else el.dataset.field = `budget[${i}].${member}`;
      }
      if (blank) continue;
      const minor = parseMoney(amount.value);
      if (minor === null) errors.push({ field: `budget[${i}].amount_minor`, message: t('proposals.error.amount_format') });
      out.push({ category: category.value, description: description.value.trim(), amount_minor: minor ?? 0 });
    }
    return { lines: out, errors };
  };

  const node = h('fieldset', { class: 'budget-editor' },
    h('legend', { text: t('proposals.budget.title') }),
    h('p', { class: 'hint', text: t('proposals.budget.hint') }),
    rows, h('div', { class: 'buttons' }, addButton), total);
  return { node, read, refresh };
}
