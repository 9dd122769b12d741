// #/grants/:id: one grant: its facts and buttons (sign, suspend, resume, complete, terminate,
// close), who funds it, whether it is published as open data (a fund manager switches it), its
// tranche schedule, its reports, what it achieved against its targets, budget vs actual, its
// thread of messages and its timeline.

import { get, getAll } from '../../api.js';
import { h } from '../../dom.js';
import { date, dateTime, money, t } from '../../i18n.js';
import { actionBar } from '../../components/actions.js';
import { printable, printButton } from '../../components/print.js';
import { timelineList } from '../../components/timeline.js';
import { facts, link, pageHeader, section, stateBadge } from '../../components/ui.js';
import { personOf } from '../../components/people.js';
import { organisationsById, orgName } from './data.js';
import { fundingPanel } from './funding_panel.js';
import { openDataPanel } from './open_data_panel.js';
import { budgetPanel, reportsPanel } from './reports_panel.js';
import { resultsPanel } from './results_chart.js';
import { tranchesPanel } from './tranches.js';
import { threadPanel } from '../threads/thread_panel.js';
import { amendmentsPanel } from '../amendments/panel.js';

export async function grantView(ctx) {
  const id = Number(ctx.params.id);
  const grant = await get(`/grants/${id}`);
  ctx.setTitle(grant.reference);
  const reload = () => ctx.reload();
  const [tranches, reports, budget, items, orgs, results, funding, openData, thread, proposal, changes] = await Promise.all([
    getAll(`/grants/${id}/tranches`),
    getAll(`/grants/${id}/reports`),
    getAll(`/grants/${id}/budget`),
    getAll(`/grants/${id}/timeline`),
    organisationsById([grant.city_org_id, grant.supporting_org_id]),
    resultsPanel(grant),
    fundingPanel(grant, { reload }),
    openDataPanel(grant, { reload }),
    threadPanel('grant', id),
    get(`/proposals/${grant.proposal_id}`).catch((err) => { if (err?.status === 401) throw err; return null; }),
    amendmentsPanel(grant),
  ]);
  const city = orgName(orgs, grant.city_org_id);
  const partner = orgName(orgs, grant.supporting_org_id);

  const about = section(t('grants.grant.about'),
    facts([
      [t('grants.col.reference'), link(`/proposals/${grant.proposal_id}`, grant.reference, { 'aria-label': t('grants.grant.proposal_link', { ref: grant.reference }) })],
      [t('grants.col.city'), city],
      [t('grants.grant.partner'), partner],
      [t('grants.col.amount'), money(grant.amount)],
      [t('grants.grant.duration'), t('grants.grant.months', { n: grant.duration_months })],
      [t('grants.grant.signed'), grant.signed_at
        ? t('grants.grant.signed_by_at', { who: personOf(grant, 'signed_by'), when: dateTime(grant.signed_at) })
        : t('grants.not_signed')],
      [t('grants.grant.created'), date(grant.created_at)],
    ]),
    h('h3', { class: 'no-print', text: t('grants.grant.actions') }),
    actionBar('grant', grant, { onDone: reload, onStale: reload }));

  return printable(h('section', { class: 'page grant-page', dataset: { grant: grant.reference } },
    pageHeader(t('grants.grant.title', { ref: grant.reference }), stateBadge('grant', grant.state), printButton()),
    h('p', { class: 'lead', text: t('grants.grant.lead', { city, partner }) }),
    about,
    funding,
    openData,
    changes,
    await tranchesPanel({ grant, tranches, reports, timeline: items, onDone: reload }),
    reportsPanel(reports, grant.id),
    results,
    budgetPanel(budget, grant.amount.currency),
    thread,
    section(t('timeline.title'), timelineList(items))), { reference: grant.reference, title: proposal?.current?.title || city });
}
