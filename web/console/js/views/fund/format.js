// Small formatting helpers of the fund pages: plural messages and short money for chart axes.

import { language, number, t } from '../../i18n.js';

// t(`${base}_one`) or t(`${base}_other`) as the language's plural rules say, {count} filled in.
export function plural(base, count, params = {}) {
  const form = new Intl.PluralRules(language()).select(count) === 'one' ? 'one' : 'other';
  return t(`${base}_${form}`, { ...params, count: number(count) });
}

// A whole number of major units as short money for an axis ("$1.5M", "1,5 M $US").
export function moneyShort(major, currency = 'USD') {
  return new Intl.NumberFormat(language(), { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(major);
}

// How many digits the currency has after the decimal point (2 for USD).
export function fractionDigits(currency = 'USD') {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
}
