// Where the results pages' numbers come from: the calls, donors (with their chapters and money)
// and indicators the user may see, for the filters and the names; the roll-up itself is summed
// by the server (GET /results) over what the user may see.

import { get, getAll, withQuery } from '../../api.js';

export const loadCalls = () => getAll('/calls');
export const loadDonors = () => getAll('/donors');
export const loadIndicators = () => getAll('/indicators');

// Map code -> indicator (names, definitions, unit, aggregation).
export function byCode(indicators) {
  return new Map(indicators.map((i) => [i.code, i]));
}

// The roll-up for {group_by, call, chapter, donor, indicator, period} (empty ones left out).
export function loadResults(query) {
  return get(withQuery('/results', query));
}

export const loadDonorSummary = (id) => get(`/donors/${encodeURIComponent(id)}/summary`);
