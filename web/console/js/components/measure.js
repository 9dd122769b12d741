// The value of an indicator in its unit: counts (people, households, services) as whole numbers,
// money in minor units of the grant's currency (typed and shown with the console's money
// helpers), a percentage from 0 to 100, yes/no as 1/0. A control per unit that reads back
// {value} (null when blank) or {error} (a message), and the formatting for reading.
// Words come from the calling area's catalog under `prefix` (yes, no, choose, error.*).

import { h } from '../dom.js';
import { editableAmount, language, moneyOf, number, parseMoney, t } from '../i18n.js';

export function digitsOf(currency = 'USD') {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
}

// A whole number typed by a person ("1800", "1 800", "1,800", "1.800"): null when blank, NaN
// when it is not one.
export function parseCount(text) {
  const s = String(text ?? '').trim().replace(/[\s\u00a0\u202f']/g, '');
  if (!s) return null;
  if (/^\d+$/.test(s) || /^\d{1,3}([.,]\d{3})+$/.test(s)) {
    const n = Number(s.replace(/[.,]/g, ''));
    return Number.isSafeInteger(n) ? n : Number.NaN;
  }
  return Number.NaN;
}

// `value` of a `unit` for reading ("2,080", "$50,000.00", "85 %", "Yes"); — when there is none.
export function formatValue(value, unit, { currency = 'USD', prefix } = {}) {
  if (value === null || value === undefined) return '—';
  if (unit === 'currency') return moneyOf(value, currency);
  if (unit === 'percentage') return new Intl.NumberFormat(language(), { style: 'unit', unit: 'percent' }).format(value);
  if (unit === 'yes_no') return t(value ? `${prefix}.yes` : `${prefix}.no`);
  return number(value);
}

// The text an input shows for a stored value of `unit` ("" when there is none): an amount as the
// chosen language writes it (editableAmount), a count without grouping.
function inputText(value, unit, currency) {
  if (value === null || value === undefined) return '';
  return unit === 'currency' ? editableAmount(value, digitsOf(currency)) : String(value);
}

// A control for a value of `unit`: an <input> (a <select> for yes/no) with `attrs` (id,
// aria-describedby...). control.readValue() answers {value} or {error}.
export function valueControl({ unit, currency = 'USD', value, prefix, attrs = {} }) {
  let control;
  if (unit === 'yes_no') {
    const chosen = value === null || value === undefined ? '' : String(value ? 1 : 0);
    control = h('select', attrs,
      [['', t(`${prefix}.choose`)], ['1', t(`${prefix}.yes`)], ['0', t(`${prefix}.no`)]]
        .map(([v, text]) => h('option', { value: v, selected: v === chosen }, text)));
  } else {
    control = h('input', { inputmode: unit === 'currency' ? 'decimal' : 'numeric', autocomplete: 'off', class: 'value-input',
      value: inputText(value, unit, currency), ...attrs });
  }
  control.readValue = () => readValue(control.value, unit, currency, prefix);
  return control;
}

// {value} (null when blank) or {error} for what was typed in a control of `unit`.
export function readValue(text, unit, currency, prefix) {
  const s = String(text ?? '').trim();
  if (!s) return { value: null };
  if (unit === 'yes_no') return { value: s === '1' ? 1 : 0 };
  if (unit === 'currency') {
    const minor = parseMoney(s, digitsOf(currency));
    return minor === null ? { error: t(`${prefix}.error.amount`) } : { value: minor };
  }
  const n = parseCount(s);
  if (Number.isNaN(n)) return { error: t(`${prefix}.error.whole_number`) };
  if (unit === 'percentage' && n > 100) return { error: t(`${prefix}.error.percentage`) };
  return { value: n };
}
