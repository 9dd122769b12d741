// The review panels of a proposal's page, for the users who may see them. Fund managers (and
// auditors, read-only): the proposal's assignments with their actions, the form to assign a
// partner organisation (in screening or in review), and the score comparison. Partners: a link to
// their organisation's review. Applicants: nothing. Answers a list of nodes to append.

import { get, getAll, post } from '../../api.js';
import { h } from '../../dom.js';
import { date, t } from '../../i18n.js';
import { hasRole, orgId } from '../../session.js';
import { actionBar } from '../../components/actions.js';
import { problemNotice, showFieldErrors, clearFieldErrors } from '../../components/problem.js';
import { field, link, section, stateBadge, table, toast } from '../../components/ui.js';
import { comparisonPanel } from './comparison.js';
import { reviewerName } from './format.js';

const REVIEWABLE = ['screening', 'in_review'];
const ACTIVE = ['assigned', 'in_progress', 'submitted'];

function assignmentsTable(assignments, orgs, ctx) {
  const manager = hasRole('fund_manager');
  const cols = [
    { label: t('reviews.field.partner'), cell: (a) => link(`/assignments/${a.id}`, orgs[a.partner_org_id] ?? `#${a.partner_org_id}`) },
    { label: t('reviews.field.reviewer'), cell: (a) => reviewerName(a) },
    { label: t('reviews.field.version'), class: 'num', cell: (a) => String(a.version_number) },
    { label: t('reviews.field.state'), cell: (a) => [stateBadge('review_assignment', a.state), a.reason ? h('q', { class: 'reason', text: a.reason }) : null] },
    { label: t('reviews.field.declared_at'), cell: (a) => date(a.declared_at) },
    { label: t('reviews.field.submitted_at'), cell: (a) => date(a.submitted_at) },
  ];
  if (manager) {
    cols.push({ label: t('reviews.field.actions'), class: 'no-print', cell: (a) => (a.actions.length
      ? actionBar('review_assignment', a, { onDone: () => ctx.reload(), onStale: () => ctx.reload() }) : '—') });
  }
  return table(t('reviews.panels.assignments_caption'), cols, assignments, { empty: t('reviews.panels.no_assignments') });
}

// The partner organisations that may still be assigned to the current version.
function assignable(partners, assignments, versionNumber) {
  const taken = new Set(assignments
    .filter((a) => ACTIVE.includes(a.state) && (versionNumber === undefined || a.version_number === versionNumber))
    .map((a) => a.partner_org_id));
  return partners.filter((o) => !taken.has(o.id));
}

function assignForm(proposal, candidates, ctx) {
  if (!candidates.length) return h('p', { class: 'empty', text: t('reviews.panels.all_assigned') });
  const status = h('div', { class: 'form-status' });
  const button = h('button', { type: 'submit', class: 'primary', text: t('reviews.panels.assign') });
  const form = h('form', { class: 'assign-form', novalidate: true },
    field({ label: t('reviews.panels.partner_org'), name: 'partner_org_id', kind: 'select', required: true,
      options: [{ value: '', text: t('reviews.panels.choose') }].concat(candidates.map((o) => ({ value: o.id, text: o.name }))) }),
    h('div', { class: 'buttons' }, button), status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearFieldErrors(form);
    status.replaceChildren();
    const chosen = Number(new FormData(form).get('partner_org_id'));
    if (!chosen) {
      showFieldErrors(form, { fieldErrors: [{ field: 'partner_org_id', message: t('reviews.panels.choose_first') }] }, status);
      return;
    }
    button.disabled = true;
    try {
      await post(`/proposals/${proposal.id}/assignments`, { partner_org_id: chosen });
      toast(t('reviews.panels.assigned', { org: candidates.find((o) => o.id === chosen)?.name ?? '' }));
      ctx.reload();
    } catch (err) {
      button.disabled = false;
      if (err.status === 401) return;
      status.append(err.status === 409 && err.slug === 'conflict'
        ? h('p', { class: 'notice error', role: 'alert', text: t('reviews.panels.already_assigned') }) : problemNotice(err));
      showFieldErrors(form, err, status);
    }
  });
  return form;
}

async function managerPanels(proposal, ctx) {
  const assignments = await getAll(`/proposals/${proposal.id}/assignments`);
  const reviewable = REVIEWABLE.includes(proposal.state);
  if (!assignments.length && !reviewable) return [];
  const [organisations, call] = await Promise.all([getAll('/organisations'), get(`/calls/${proposal.call_id}`)]);
  const orgs = Object.fromEntries(organisations.map((o) => [o.id, o.name]));
  const partners = organisations.filter((o) => o.kind === 'partner');
  const out = [section(t('reviews.panels.assignments_title'),
    assignmentsTable(assignments, orgs, ctx),
    hasRole('fund_manager') && reviewable
      ? [h('h3', { text: t('reviews.panels.assign_title') }), assignForm(proposal, assignable(partners, assignments, proposal.current?.number), ctx)]
      : null)];
  if (assignments.length) out.push(await comparisonPanel(proposal.id, call.criteria, orgs));
  return [h('div', { class: 'review-panels' }, out)];
}

async function partnerPanels(proposal) {
  const mine = (await getAll(`/proposals/${proposal.id}/assignments`)).filter((a) => a.partner_org_id === orgId());
  if (!mine.length) return [];
  return [h('div', { class: 'review-panels' }, section(t('reviews.panels.our_review'),
    h('ul', { class: 'our-reviews' }, mine.map((a) => h('li', {},
      link(`/assignments/${a.id}`, t('reviews.panels.open_review', { version: a.version_number })), ' ',
      stateBadge('review_assignment', a.state))))))];
}

// The nodes to append to `proposal`'s page (GET /proposals/{id}); ctx: the page's router context.
export async function reviewPanels(proposal, ctx) {
  if (hasRole('fund_manager', 'auditor')) return managerPanels(proposal, ctx);
  if (hasRole('partner')) return partnerPanels(proposal);
  return [];
}
