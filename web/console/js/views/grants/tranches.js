// A grant's tranche schedule: each tranche's amount, state, who did each step and when, its
// payment reference and its own buttons; why the next tranche cannot be requested yet (the
// request guards of /workflows checked against the grant, the tranches and the reports); four
// eyes in words; and Σ tranches against the grant amount.

import { h } from '../../dom.js';
import { date, dateTime, label, language, money, t } from '../../i18n.js';
import { currentUser } from '../../session.js';
import { actionBar } from '../../components/actions.js';
import { exportLinks } from '../../components/exports.js';
import { link, section, stateBadge, table } from '../../components/ui.js';
import { transitionOf } from '../../components/workflows.js';
import { hasActor, knownAs, personOf } from '../../components/people.js';
import { disbursedOf, isOverdue, reportInline, stackOnPhone, sumMoney, trancheStepTimes } from './data.js';

const IN_FLIGHT = ['requested', 'verified', 'approved'];
const stateWord = (state) => label('state', state).toLocaleLowerCase(language());

// The lowest tranche still scheduled, when no earlier one is: the one to be requested next.
export function nextTranche(tranches) {
  const sorted = [...tranches].sort((a, b) => a.seq - b.seq);
  const first = sorted.find((tr) => tr.state === 'scheduled');
  return first && sorted.filter((tr) => tr.seq < first.seq).every((tr) => tr.state !== 'scheduled') ? first : undefined;
}

// Why `tranche` cannot be requested now: one node per guard of the request row that fails.
export async function blockedReasons(tranche, { grant, tranches, reports }) {
  const row = await transitionOf('tranche', 'scheduled', 'request');
  const out = [];
  const linked = new Set();
  const open = (r) => (linked.has(r.id) ? null : (linked.add(r.id), [' ', link(`/reports/${r.id}`, t('grants.report.open_named', { report: reportInline(r) }))]));
  for (const guard of row?.guards ?? []) {
    if (guard === 'grant_active' && grant.state !== 'active') {
      out.push(t('grants.guard.grant_active', { state: stateWord(grant.state) }));
    } else if (guard === 'previous_disbursed') {
      const prev = tranches.find((tr) => tr.seq === tranche.seq - 1);
      if (prev && prev.state !== 'disbursed' && prev.state !== 'cancelled') {
        out.push(t('grants.guard.previous_disbursed', { ref: prev.reference, state: stateWord(prev.state) }));
      }
    } else if (guard === 'milestone_report_accepted' && tranche.report_id) {
      const report = reports.find((r) => r.id === tranche.report_id);
      if (report && report.state !== 'accepted') {
        out.push(h('span', {}, t('grants.guard.milestone_report', { report: reportInline(report), state: stateWord(report.state) }), open(report)));
      }
    } else if (guard === 'no_overdue_report') {
      for (const r of reports.filter((x) => isOverdue(x))) {
        out.push(h('span', {}, t('grants.guard.overdue_report', { report: reportInline(r), due: date(r.due_at) }), open(r)));
      }
    } else if (!['grant_active', 'previous_disbursed', 'milestone_report_accepted', 'no_overdue_report'].includes(guard)) {
      out.push(t('grants.guard.other', { guard: guard.replaceAll('_', ' ') }));
    }
  }
  return out;
}

// The four-eyes rule in words when the signed-in fund manager approved `tranche`.
export function fourEyesNote(tranche) {
  if (tranche.state !== 'approved' || tranche.approved_by !== currentUser()?.id) return null;
  return h('p', { class: 'notice warn four-eyes', text: t('grants.four_eyes.you_approved') });
}

// The buttons of one tranche, labelled with its reference, plus the four-eyes note and any
// reasons it cannot be requested; `onDone` reloads the page.
export function trancheActions(tranche, { onDone, blocked = [] } = {}) {
  let bar = null;
  if (tranche.actions.length) {
    bar = actionBar('tranche', tranche, { onDone, onStale: onDone });
    bar.setAttribute('aria-label', t('grants.tranche.actions_for', { ref: tranche.reference }));
  }
  const note = fourEyesNote(tranche);
  return h('div', { class: 'tranche-actions', dataset: { tranche: tranche.reference, state: tranche.state } },
    !bar && !note && !blocked.length ? h('span', { class: 'muted', text: t('grants.tranche.no_action') }) : null,
    note,
    blocked.length ? h('div', { class: 'notice warn blocked' },
      h('p', { text: t('grants.guard.intro') }), h('ul', {}, blocked.map((b) => h('li', {}, b)))) : null,
    bar);
}

function when(value) {
  return value ? h('time', { datetime: value, text: dateTime(value) }) : null;
}

// Who did each step of `tranche`, and when: "Requested by … · 8 Aug 2026, 19:30", each person as
// the API names them for the reader (a city reads its supporting partner's verification by
// organisation only).
export function trancheSteps(tranche, { times = {} } = {}) {
  const steps = [
    ['request', 'requested_by', tranche.requested_at ?? times.request],
    ['verify', 'verified_by', times.verify],
    ['approve', 'approved_by', times.approve],
    ['disburse', 'disbursed_by', tranche.disbursed_at ?? times.disburse],
  ].filter(([, field]) => hasActor(tranche, field));
  if (!steps.length) return h('span', { class: 'muted', text: '—' });
  return h('ul', { class: 'steps' }, steps.map(([step, field, at]) => h('li', { dataset: { step, known: knownAs(tranche.actors?.[field]) } },
    t(`grants.step.${step}`, { who: personOf(tranche, field) }), at ? [' · ', when(at)] : null)));
}

// The tranche schedule panel of the grant page (timeline: the grant's /timeline items, for the
// times of steps the tranche resource does not carry).
export async function tranchesPanel({ grant, tranches, reports, timeline, onDone }) {
  const sorted = [...tranches].sort((a, b) => a.seq - b.seq);
  const next = nextTranche(sorted);
  const blocked = next && !next.actions.includes('request') ? await blockedReasons(next, { grant, tranches: sorted, reports }) : [];
  const columns = [
    { label: t('grants.tranche.col.tranche'), cell: (tr) => h('span', {}, h('strong', { text: `#${tr.seq}` }), h('span', { class: 'tranche-ref', text: tr.reference })) },
    { label: t('grants.tranche.col.trigger'), cell: (tr) => label('grants.trigger', tr.trigger) },
    { label: t('grants.col.amount'), class: 'num', cell: (tr) => money(tr.amount) },
    { label: t('grants.col.state'), cell: (tr) => stateBadge('tranche', tr.state) },
    { label: t('grants.tranche.col.steps'), cell: (tr) => trancheSteps(tr, { times: trancheStepTimes(timeline, tr.id) }) },
    { label: t('grants.tranche.col.payment'), cell: (tr) => tr.payment_reference ?? '—' },
    { label: t('grants.tranche.col.actions'), class: 'no-print', cell: (tr) => trancheActions(tr, { onDone, blocked: tr === next ? blocked : [] }) },
  ];
  const total = sumMoney(sorted, undefined, grant.amount.currency);
  const disbursed = disbursedOf(sorted, grant.amount.currency);
  const inFlight = sumMoney(sorted.filter((tr) => IN_FLIGHT.includes(tr.state)), undefined, grant.amount.currency);
  const matches = total.amount_minor === grant.amount.amount_minor;
  return section(t('grants.tranche.title'), exportLinks('tranches', { grant: grant.id }),
    stackOnPhone(table(t('grants.tranche.caption', { ref: grant.reference }), columns, sorted, { empty: t('grants.tranche.empty') })),
    h('dl', { class: 'facts totals' },
      h('dt', { text: t('grants.tranche.sum') }),
      h('dd', { class: 'sum-tranches' }, money(total), ' ',
        h('span', { class: matches ? 'check ok' : 'check bad', text: matches ? t('grants.tranche.sum_matches', { amount: money(grant.amount) }) : t('grants.tranche.sum_differs', { amount: money(grant.amount) }) })),
      h('dt', { text: t('grants.col.disbursed') }),
      h('dd', { class: 'sum-disbursed', text: t('grants.tranche.disbursed_of', { disbursed: money(disbursed), amount: money(grant.amount) }) }),
      h('dt', { text: t('grants.tranche.in_flight') }),
      h('dd', { text: money(inFlight) })));
}
