// #/reviews: the review queue. A partner sees their organisation's assignments (waiting for the
// declaration, in progress, submitted, declined); fund managers and auditors see every assignment.
// Grouped by state, or one state through the filter (?state=).

import { h } from '../../dom.js';
import { date, money, t } from '../../i18n.js';
import { hasRole } from '../../session.js';
import { field, link, pageHeader, section, stateBadge, table } from '../../components/ui.js';
import { exportLinks } from '../../components/exports.js';
import { assignmentQueue } from './queue_source.js';
import { organisationNames } from './format.js';

const STATES = ['assigned', 'in_progress', 'submitted', 'declined', 'cancelled'];

function isPartnerView() {
  return hasRole('partner') && !hasRole('fund_manager', 'auditor');
}

// The words for a state group: a partner reads "Waiting for your declaration".
function groupTitle(state) {
  return t(`reviews.queue.group.${state}${isPartnerView() ? '' : '_all'}`);
}

function openText(a) {
  if (isPartnerView() && a.actions?.includes('accept')) return t('reviews.queue.open_declare');
  if (isPartnerView() && a.state === 'in_progress') return t('reviews.queue.open_score');
  return t('reviews.queue.open_view');
}

function columns(orgs) {
  const cols = [
    { label: t('reviews.field.reference'), cell: (a) => a.proposal.reference },
    { label: t('reviews.field.title'), cell: (a) => a.proposal.title },
    { label: t('reviews.field.city'), cell: (a) => a.proposal.city?.name ?? '—' },
    { label: t('reviews.field.amount'), class: 'num', cell: (a) => money(a.proposal.amount) },
  ];
  if (!isPartnerView()) cols.push({ label: t('reviews.field.partner'), cell: (a) => orgs[a.partner_org_id] ?? `#${a.partner_org_id}` });
  cols.push(
    { label: t('reviews.field.state'), cell: (a) => stateBadge('review_assignment', a.state) },
    { label: t('reviews.field.updated'), cell: (a) => date(a.submitted_at ?? a.declared_at) },
    { label: t('reviews.queue.open'), cell: (a) => link(`/assignments/${a.id}`, openText(a), { 'aria-label': `${openText(a)} — ${a.proposal.reference}` }) },
  );
  return cols;
}

function filterForm(ctx, state) {
  const options = [{ value: '', text: t('common.all') }]
    .concat(STATES.filter((s) => s !== 'cancelled' || !isPartnerView()).map((s) => ({ value: s, text: groupTitle(s) })));
  const form = h('form', { class: 'reviews-filter', role: 'search', 'aria-label': t('common.filter') },
    field({ label: t('reviews.queue.filter_state'), name: 'state', kind: 'select', options, value: state }),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', text: t('common.filter') })));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = String(new FormData(form).get('state') ?? '');
    ctx.go('/reviews', chosen ? { state: chosen } : undefined);
  });
  return form;
}

export async function queueView(ctx) {
  const state = STATES.includes(ctx.query.state) ? ctx.query.state : '';
  const title = isPartnerView() ? t('reviews.queue.title') : t('reviews.queue.title_all');
  ctx.setTitle(title);
  const [items, orgs] = await Promise.all([assignmentQueue({ state }), isPartnerView() ? {} : organisationNames()]);
  const cols = columns(orgs);
  const body = [];
  if (state) {
    body.push(section(groupTitle(state), table(groupTitle(state), cols, items, { empty: t('reviews.queue.empty_state') })));
  } else if (!items.length) {
    body.push(h('p', { class: 'empty', text: t('reviews.queue.empty') }));
  } else {
    for (const s of STATES) {
      const rows = items.filter((a) => a.state === s);
      if (!rows.length && (s === 'cancelled' || s === 'declined')) continue;
      body.push(h('section', { class: ['panel', 'queue-group'], dataset: { state: s } },
        h('h2', {}, groupTitle(s), ' ', h('span', { class: 'count', text: t('reviews.queue.count', { count: rows.length }) })),
        table(groupTitle(s), cols, rows, { empty: t('reviews.queue.empty_state') })));
    }
  }
  return h('section', { class: 'page reviews-queue' },
    pageHeader(title, exportLinks('reviews', { state })),
    h('p', { class: 'lead', text: isPartnerView() ? t('reviews.queue.lead') : t('reviews.queue.lead_all') }),
    filterForm(ctx, state),
    h('p', { class: 'total', text: t('common.total', { count: items.length }) }),
    body);
}
