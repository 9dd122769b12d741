// How the results pages write things: dimension and value names, units, indicator names in the
// chosen language, values by unit (counts, money from minor units, percentages, yes/no as a count
// of grants), "% achieved", and the label of a roll-up group (countries by their localized name).

import { countryName, has, language, moneyOf, number, t } from '../../i18n.js';
import { plural } from '../fund/format.js';

export const GROUPINGS = ['call', 'chapter', 'donor', 'city', 'country'];
export const UNITS = ['people', 'households', 'services', 'currency', 'percentage', 'yes_no'];

function named(key, fallback) {
  return has(key) ? t(key) : String(fallback).replaceAll('_', ' ');
}

export const dimensionName = (dimension) => named(`results.dimension.${dimension}`, dimension);
export const valueName = (dimension, value) => named(`results.value.${dimension}.${value}`, value);
export const unitName = (unit) => named(`results.unit.${unit}`, unit);
export const aggregationName = (aggregation) => named(`results.aggregation.${aggregation}`, aggregation);

// The indicator's name in the chosen language (English, then its code, when it has none).
export function indicatorName(indicator, code) {
  return indicator?.names?.[language()] || indicator?.names?.en || code || indicator?.code || '';
}

export function indicatorDefinition(indicator) {
  return indicator?.definitions?.[language()] || indicator?.definitions?.en || '';
}

// A whole percentage (34) in the chosen language ("34 %", "34 %"); a dash without one (no target).
export function percent(pct) {
  if (pct === null || pct === undefined) return '—';
  return new Intl.NumberFormat(language(), { style: 'percent', maximumFractionDigits: 0 }).format(pct / 100);
}

// A function that writes a value of an indicator of `unit`: money in `currency` from minor units
// (exactly, never through floating point), percentages, yes/no as the number of grants answering
// yes, else a plain count.
export function valueFormat(unit, currency) {
  if (unit === 'currency') return (v) => moneyOf(v ?? 0, currency ?? 'USD');
  if (unit === 'percentage') return (v) => percent(v ?? 0);
  if (unit === 'yes_no') return (v) => plural('results.yes_grants', v ?? 0);
  return (v) => number(v ?? 0);
}

// The name a roll-up group is shown under: a country's name in the chosen language, "no chapter"
// for the grants no chapter pays, else the label the API gives.
export function groupLabel(by, group) {
  if (!group.key) return t(by === 'donor' ? 'results.group.no_donor' : by === 'chapter' ? 'results.group.no_chapter' : 'results.group.none');
  if (by === 'country') return countryName(group.key);
  return group.label || group.key;
}

// The groups sorted by their shown names in the chosen language; the unfunded group ("") last.
export function sortedGroups(by, groups) {
  const collator = new Intl.Collator(language());
  return groups.map((g) => ({ ...g, name: groupLabel(by, g) }))
    .sort((a, b) => (!a.key - !b.key) || collator.compare(a.name, b.name));
}

// The currency of the calls in view, for money indicators: the chosen call's, else the one
// currency every call uses; null when the calls use several (money cannot be added up then).
export function currencyOf(calls, callId) {
  const currencyOfCall = (c) => c.budget?.currency;
  const chosen = calls.find((c) => String(c.id) === String(callId ?? ''));
  if (chosen) return currencyOfCall(chosen) ?? null;
  const all = [...new Set(calls.map(currencyOfCall).filter(Boolean))];
  return all.length <= 1 ? (all[0] ?? 'USD') : null;
}
