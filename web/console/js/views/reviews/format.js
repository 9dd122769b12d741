// Small helpers shared by the reviews pages: points in the chosen language, the weighted mean of a
// set of scores (as the server computes it, in thousandths of a point), names of organisations and
// reviewers.

import { getAll } from '../../api.js';
import { language } from '../../i18n.js';
import { hasActor, personOf } from '../../components/people.js';

// Thousandths of a point (the API's mean_milli, spread_milli) as "3.85" in the chosen language.
export function points(milli) {
  if (milli === null || milli === undefined) return '—';
  const hundredths = Math.round(milli / 10);  // exact: milli is whole, so .5 rounds up as it should
  return new Intl.NumberFormat(language(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(hundredths / 100);
}

// The weighted mean in thousandths of a point of `scores` ({criterion_id: score} or [{criterion_id,
// score}]) over `criteria` ([{id, weight}]), counting only the criteria scored; null when none is.
export function weightedMeanMilli(criteria, scores) {
  const byId = Array.isArray(scores) ? Object.fromEntries(scores.map((s) => [s.criterion_id, s.score])) : scores;
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    const score = Number(byId[c.id]);
    if (!score) continue;
    sum += score * c.weight;
    weights += c.weight;
  }
  return weights ? Math.round((sum * 1000) / weights) : null;
}

// The organisations' names by id ({3: 'IOM', ...}), read once per call.
export async function organisationNames() {
  const orgs = await getAll('/organisations');
  return Object.fromEntries(orgs.map((o) => [o.id, o.name]));
}

// The reviewer of an assignment or a compared review, as the API names them for the reader: by
// name for the fund and for the reviewer's own organisation, by organisation for other partners.
export function reviewerName(review) {
  return hasActor(review, 'reviewer_id') ? personOf(review, 'reviewer_id', { organisation: false }) : '—';
}
