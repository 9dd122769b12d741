// The scores of a proposal's reviews side by side (GET /proposals/{id}/reviews): a table of
// criteria × reviews with each review's weighted mean, the mean over reviews, and the spread,
// flagged in words and with a marker when the reviews differ by more than 1.5 points. Each review
// is headed by its partner organisation and, when the reader may know them, its reviewer's name.

import { get } from '../../api.js';
import { h } from '../../dom.js';
import { date, t } from '../../i18n.js';
import { facts, section, stateBadge } from '../../components/ui.js';
import { points } from './format.js';

function reviewHeader(review, orgs, mineId) {
  const reviewer = review.actors?.reviewer_id;
  return h('th', { scope: 'col', class: 'num review-col' },
    orgs[review.partner_org_id] ?? `#${review.partner_org_id}`,
    review.id === mineId ? h('span', { class: 'mine', text: ` (${t('reviews.compare.mine')})` }) : null,
    reviewer?.name ? h('span', { class: 'sub reviewer', text: reviewer.name }) : null,
    h('span', { class: 'sub', text: review.submitted_at ? t('reviews.compare.submitted_on', { date: date(review.submitted_at) }) : '' }),
    review.state !== 'submitted' ? stateBadge('review_assignment', review.state) : null);
}

function scoreCell(review, criterion) {
  const s = review.scores.find((x) => x.criterion_id === criterion.id);
  if (!s) return h('td', { class: 'num', text: '—' });
  return h('td', { class: 'num', dataset: { score: String(s.score) } },
    h('strong', { text: String(s.score) }),
    s.comment ? h('span', { class: 'score-comment', text: s.comment }) : null);
}

// The table itself (criteria: the call's; reviews: the /reviews items; orgs: names by id).
export function comparisonTable(criteria, reviews, orgs, { mineId } = {}) {
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('reviews.compare.caption') },
    h('table', { class: 'comparison' },
      h('caption', { text: t('reviews.compare.caption') }),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', text: t('reviews.compare.criterion') }),
        h('th', { scope: 'col', class: 'num', text: t('reviews.compare.weight') }),
        reviews.map((r) => reviewHeader(r, orgs, mineId)))),
      h('tbody', {}, criteria.map((c) => h('tr', { dataset: { criterion: c.code } },
        h('th', { scope: 'row', text: c.name }),
        h('td', { class: 'num', text: t('reviews.rubric.weight_value', { weight: c.weight }) }),
        reviews.map((r) => scoreCell(r, c))))),
      h('tfoot', {}, h('tr', { class: 'means' },
        h('th', { scope: 'row', colspan: '2', text: t('reviews.compare.weighted_mean') }),
        reviews.map((r) => h('td', { class: 'num review-mean', dataset: { review: String(r.id) }, text: points(r.mean_milli) }))))));
}

// The spread in words, with a visible marker (not colour alone) when it is above 1.5 points.
export function spreadNotice(summary) {
  if (summary.reviews < 2) return h('p', { class: 'spread', text: t('reviews.compare.spread_single') });
  if (summary.spread_flag) {
    return h('p', { class: ['notice', 'warn', 'spread', 'spread-flag'], role: 'note' },
      h('span', { class: 'marker', 'aria-hidden': 'true', text: '⚠' }),
      ' ', h('strong', { text: t('reviews.compare.spread_flag_title') }),
      ' ', t('reviews.compare.spread_flag', { spread: points(summary.spread_milli) }));
  }
  return h('p', { class: ['notice', 'ok', 'spread'], text: t('reviews.compare.spread_ok', { spread: points(summary.spread_milli) }) });
}

// The review comments, one per review.
function comments(reviews, orgs) {
  const withText = reviews.filter((r) => r.comment);
  if (!withText.length) return null;
  return [h('h3', { text: t('reviews.compare.comments') }),
    h('dl', { class: 'review-comments' }, withText.map((r) => [
      h('dt', { text: [orgs[r.partner_org_id] ?? `#${r.partner_org_id}`, r.actors?.reviewer_id?.name].filter(Boolean).join(' · ') }), h('dd', { text: r.comment })]))];
}

// A "Score comparison" panel for proposal `proposalId` over the call's `criteria`.
export async function comparisonPanel(proposalId, criteria, orgs, { mineId, title } = {}) {
  const data = await get(`/proposals/${proposalId}/reviews`);
  const reviews = data.items;
  const summary = data.summary;
  if (!reviews.length) return section(title ?? t('reviews.compare.title'), h('p', { class: 'empty', text: t('reviews.compare.none') }));
  return h('section', { class: ['panel', 'review-comparison'], 'aria-labelledby': 'review-comparison-h' },
    h('h2', { id: 'review-comparison-h', text: title ?? t('reviews.compare.title') }),
    comparisonTable(criteria, reviews, orgs, { mineId }),
    facts([
      [t('reviews.compare.reviews'), String(summary.reviews)],
      [t('reviews.compare.mean'), h('span', { class: 'overall-mean', text: summary.reviews ? points(summary.mean_milli) : '—' })],
      [t('reviews.compare.spread'), summary.reviews > 1 ? t('reviews.compare.spread_value', { spread: points(summary.spread_milli) }) : '—'],
    ]),
    spreadNotice(summary),
    comments(reviews, orgs));
}
