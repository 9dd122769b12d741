// The fund's indicator catalog (GET /api/v1/indicators: code, unit, aggregation, dimensions,
// names per language) and its dimensions with their allowed values, read once per minute and
// shared by the proposal form, the report form and the grant page.

import { get, withQuery } from '../api.js';
import { language } from '../i18n.js';

let cached = null;

async function load() {
  const items = [];
  let dimensions = [];
  let after;
  do {
    const page = await get(withQuery('/indicators', { limit: 200, after }));
    items.push(...page.items);
    if (page.dimensions) dimensions = page.dimensions;
    after = page.next;
  } while (after);
  return {
    byCode: new Map(items.map((i) => [i.code, i])),
    dimensions: new Map(dimensions.map((d) => [d.code, d.values])),
  };
}

// {byCode: Map code -> indicator, dimensions: Map code -> [values]}.
export function indicatorCatalog() {
  if (cached && Date.now() - cached.at < 60_000) return cached.value;
  const value = load();
  cached = { at: Date.now(), value };
  value.catch(() => { cached = null; });
  return value;
}

// The indicator's name in the chosen language (English, then the code, when it has none).
export function indicatorName(indicator) {
  return indicator?.names?.[language()] || indicator?.names?.en || indicator?.code || '';
}

export function indicatorDefinition(indicator) {
  return indicator?.definitions?.[language()] || indicator?.definitions?.en || '';
}

// The dimensions of `indicator` with their values: [{code, values}].
export function dimensionsOf(indicator, catalog) {
  return (indicator?.dimensions ?? []).map((code) => ({ code, values: catalog.dimensions.get(code) ?? [] }));
}

// The values of dimension `code` present in `present` (a list), in the catalog's order, those
// the catalog does not know at the end.
export function orderedValues(catalog, code, present) {
  const known = catalog?.dimensions.get(code) ?? [];
  const set = new Set(present);
  return [...known.filter((v) => set.has(v)), ...[...set].filter((v) => !known.includes(v))];
}
