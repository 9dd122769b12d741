// #/assignments/:id: one review. Before the reviewer declares, only the proposal's reference,
// title, city and amount, with accept (the no-conflict declaration) and decline (a reason). Once
// accepted: the full proposal, the call's rubric to score and the overall comment (rubric.js).
// Once submitted: my scores and the other reviews beside them (the server shows them only now).
// Fund managers and auditors see the same page read-only, with the fund manager's actions.

import { get } from '../../api.js';
import { h } from '../../dom.js';
import { dateTime, label, money, t } from '../../i18n.js';
import { currentUser, hasRole } from '../../session.js';
import { actionBar } from '../../components/actions.js';
import { indicatorCatalog } from '../../components/indicators.js';
import { facts, link, notice, pageHeader, section, stateBadge, table } from '../../components/ui.js';
import { comparisonPanel } from './comparison.js';
import { hasActor } from '../../components/people.js';
import { readingPanel } from './reading.js';
import { organisationNames, points, reviewerName, weightedMeanMilli } from './format.js';
import { proposalContent } from './proposal_content.js';
import { rubricForm } from './rubric.js';

function isMine(a) {
  const user = currentUser();
  return hasRole('partner') && user?.organisation?.id === a.partner_org_id;
}

// The proposal's title page (when the reader still sees the proposal) and this review's facts.
function summaryFacts(a, proposal, orgs) {
  const v = proposal?.current;
  return facts([
    proposal ? [t('reviews.field.reference'), proposal.reference] : null,
    proposal ? [t('reviews.field.title'), h('span', { lang: v.language, text: v.title })] : null,
    proposal ? [t('reviews.field.city'), orgs[proposal.city_org_id] ?? '—'] : null,
    proposal ? [t('reviews.field.amount'), money(v.amount)] : null,
    [t('reviews.field.partner'), orgs[a.partner_org_id] ?? `#${a.partner_org_id}`],
    [t('reviews.field.state'), stateBadge('review_assignment', a.state)],
    hasActor(a, 'reviewer_id') ? [t('reviews.field.reviewer'), reviewerName(a)] : null,
    a.declared_at ? [t('reviews.field.declared_at'), dateTime(a.declared_at)] : null,
    a.submitted_at ? [t('reviews.field.submitted_at'), dateTime(a.submitted_at)] : null,
    a.due_at && !a.submitted_at ? [t('reviews.field.due_at'), dateTime(a.due_at)] : null,
    a.reason ? [t('reviews.field.reason'), h('q', { class: 'reason', text: a.reason })] : null,
    proposal ? [t('reviews.field.proposal_state'), label('state', proposal.state)] : null,
  ]);
}

// What the page says about the state, in one sentence for this reader.
function stateNotice(a, mine) {
  if (a.state === 'assigned') return notice(mine ? t('reviews.assignment.declare_first') : t('reviews.assignment.waiting_declaration'));
  if (a.state === 'declined') return notice(t('reviews.assignment.declined'), 'warn');
  if (a.state === 'cancelled') return notice(t('reviews.assignment.cancelled'), 'warn');
  if (a.state === 'submitted') return notice(mine ? t('reviews.assignment.submitted_mine') : t('reviews.assignment.submitted'), 'ok');
  return null;
}

// The saved scores, read-only, with their weighted mean.
function scoresTable(criteria, scores, comment) {
  const byId = Object.fromEntries(scores.map((s) => [s.criterion_id, s]));
  const milli = weightedMeanMilli(criteria, scores);
  return [
    table(t('reviews.assignment.scores_caption'), [
      { label: t('reviews.compare.criterion'), cell: (c) => c.name },
      { label: t('reviews.compare.weight'), class: 'num', cell: (c) => t('reviews.rubric.weight_value', { weight: c.weight }) },
      { label: t('reviews.assignment.score'), class: 'num', cell: (c) => (byId[c.id] ? String(byId[c.id].score) : '—') },
      { label: t('reviews.assignment.comment'), cell: (c) => byId[c.id]?.comment || '—' },
    ], criteria),
    h('p', { class: 'saved-mean', text: milli === null ? t('reviews.rubric.mean_none')
      : t('reviews.rubric.mean', { mean: points(milli), scored: scores.length, total: criteria.length }) }),
    facts([[t('reviews.rubric.overall_comment'), comment || '—']]),
  ];
}

export async function assignmentView(ctx) {
  const a = await get(`/assignments/${encodeURIComponent(ctx.params.id)}`);
  // A partner who declined (or whose review was cancelled) no longer sees the proposal: 404.
  const [proposal, orgs] = await Promise.all([
    get(`/proposals/${a.proposal_id}`).catch((e) => { if (e.status === 404) return null; throw e; }),
    organisationNames()]);
  const mine = isMine(a);
  const title = proposal ? t('reviews.assignment.title', { ref: proposal.reference }) : t('reviews.assignment.title_hidden', { id: a.id });
  ctx.setTitle(title);
  const open = Boolean(proposal?.full_access) && proposal.current.summary !== undefined && ['in_progress', 'submitted'].includes(a.state);
  const call = open ? await get(`/calls/${proposal.call_id}`) : null;
  const criteria = call?.criteria ?? [];
  const editable = mine && a.state === 'in_progress';
  const scores = open ? (await get(`/assignments/${a.id}/scores`)).items : [];

  const parts = [
    pageHeader(title, stateBadge('review_assignment', a.state)),
    stateNotice(a, mine),
    proposal ? null : notice(t('reviews.assignment.proposal_hidden')),
    section(t('reviews.assignment.about'), summaryFacts(a, proposal, orgs)),
  ];
  const hide = editable ? ['submit'] : [];
  if (!editable || a.actions.some((e) => !hide.includes(e))) {
    parts.push(section(t('reviews.assignment.actions'),
      actionBar('review_assignment', a, { hide, onDone: () => ctx.reload(), onStale: () => ctx.reload() })));
  }
  if (open) parts.push(proposalContent(proposal, { catalog: await indicatorCatalog(), periods: call.periods }));
  if (editable) {
    // What the reviewer reads while scoring, beside the rubric: the English translation and the files.
    const files = await get(`/proposals/${proposal.id}/attachments`).catch((e) => { if (e.status === 401) throw e; return null; });
    parts.push(h('div', { class: 'scoring-layout' },
      readingPanel(proposal, files?.items ?? null),
      section(t('reviews.rubric.title', { call: call.code }),
        rubricForm(a, criteria, scores, { onSubmitted: () => ctx.reload(), onStale: () => ctx.reload() }))));
  } else if (open && scores.length) {
    parts.push(section(mine ? t('reviews.assignment.my_scores') : t('reviews.assignment.scores'), scoresTable(criteria, scores, a.comment)));
  }
  if (open && a.state === 'submitted' && mine) {
    parts.push(await comparisonPanel(proposal.id, criteria, orgs, { mineId: a.id, title: t('reviews.assignment.all_reviews') }));
  }
  parts.push(h('p', { class: 'back-links' },
    link('/reviews', t('reviews.assignment.back_queue')),
    proposal && hasRole('fund_manager', 'auditor') ? [
      ' · ', link(`/proposals/${proposal.id}`, t('reviews.assignment.to_proposal', { ref: proposal.reference })),
      ' · ', link(`/proposals/${proposal.id}/reviews`, t('reviews.proposal.title', { ref: proposal.reference }))] : null));
  return h('section', { class: 'page review-assignment', dataset: { state: a.state } }, parts);
}
