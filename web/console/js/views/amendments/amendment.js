// #/amendments/:id: one change asked for on a grant: why, by whom, the old and new terms side by
// side, whether the supporting partner reviews it or a second fund manager must apply it, and
// the buttons of its `actions` (the amendment machine decides them; nothing is re-derived here).

import { get } from '../../api.js';
import { h } from '../../dom.js';
import { dateTime, t } from '../../i18n.js';
import { actionBar } from '../../components/actions.js';
import { personOf } from '../../components/people.js';
import { facts, link, notice, pageHeader, section, stateBadge } from '../../components/ui.js';
import { termsComparison } from './compare.js';
import { kindsText } from './panel.js';

// Budget line id -> its words, from the grant's proposal (null when the reader may not read it).
async function lineNames(grant) {
  const proposal = await get(`/proposals/${grant.proposal_id}`).catch((err) => { if (err?.status === 401) throw err; return null; });
  return new Map((proposal?.current?.budget ?? []).map((l) => [l.id, `${l.category} — ${l.description}`]));
}

export async function amendmentView(ctx) {
  const id = Number(ctx.params.id);
  const a = await get(`/amendments/${id}`);
  const grant = await get(`/grants/${a.grant_id}`);
  ctx.setTitle(t('amendments.page.title', { ref: a.grant_reference }));
  const reload = () => ctx.reload();
  const notes = [];
  if (a.needs_partner_review) notes.push(notice(t('amendments.page.partner_review', { share: (a.reallocation_share_bp / 100).toFixed(1), limit: (a.review_threshold_bp / 100).toFixed(1) })));
  if (a.is_increase) notes.push(notice(t('amendments.page.four_eyes')));
  return h('section', { class: 'page amendment-page', dataset: { amendment: String(a.id) } },
    pageHeader(t('amendments.page.title', { ref: a.grant_reference }), stateBadge('amendment', a.state)),
    section(t('amendments.page.about'), facts([
      [t('amendments.page.grant'), link(`/grants/${a.grant_id}`, a.grant_reference)],
      [t('amendments.col.kinds'), kindsText(a.kinds)],
      [t('amendments.page.reason'), a.reason],
      [t(a.proposed_by_city ? 'amendments.page.requested_by' : 'amendments.page.proposed_by'), personOf(a, 'proposed_by')],
      [t('amendments.page.created'), dateTime(a.created_at)],
      ...(a.review_note ? [[t('amendments.page.review_note'), a.review_note]] : []),
      ...(a.approved_at ? [[t('amendments.page.approved'), t('amendments.page.by_at', { who: personOf(a, 'approved_by'), when: dateTime(a.approved_at) })]] : []),
      ...(a.applied_at ? [[t('amendments.page.applied'), t('amendments.page.by_at', { who: personOf(a, 'applied_by'), when: dateTime(a.applied_at) })]] : []),
    ]), ...notes),
    section(t('amendments.page.comparison'), termsComparison(a.before, a.after, await lineNames(grant))),
    section(t('amendments.page.actions'), actionBar('amendment', a, { onDone: reload, onStale: reload })));
}
