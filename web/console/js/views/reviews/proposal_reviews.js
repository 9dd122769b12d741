// #/proposals/:id/reviews: the review panels of one proposal on a page of their own (the same
// nodes the proposal page appends), reached from an assignment: its assignments, the partner
// assignment form and the score comparison for fund managers, read-only for auditors.

import { get } from '../../api.js';
import { h } from '../../dom.js';
import { money, t } from '../../i18n.js';
import { facts, link, notice, pageHeader, stateBadge } from '../../components/ui.js';
import { reviewPanels } from './panels.js';

export async function proposalReviewsView(ctx) {
  const proposal = await get(`/proposals/${encodeURIComponent(ctx.params.id)}`);
  const title = t('reviews.proposal.title', { ref: proposal.reference });
  ctx.setTitle(title);
  const panels = await reviewPanels(proposal, ctx);
  return h('section', { class: 'page proposal-reviews' },
    pageHeader(title, stateBadge('proposal', proposal.state)),
    facts([
      [t('reviews.field.title'), h('span', { lang: proposal.current.language, text: proposal.current.title })],
      [t('reviews.field.amount'), money(proposal.current.amount)],
    ]),
    h('p', {}, link(`/proposals/${proposal.id}`, t('reviews.assignment.to_proposal', { ref: proposal.reference }))),
    panels.length ? panels : notice(t('reviews.proposal.none')));
}
