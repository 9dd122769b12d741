// #/disbursements: the fund managers' queue of tranches requested, verified or approved across
// all grants, oldest request first, with who did each step (named by the API) and each tranche's
// buttons. Four eyes
// made visible: a tranche the signed-in fund manager approved says another must disburse it.

import { h } from '../../dom.js';
import { money, t } from '../../i18n.js';
import { currentUser } from '../../session.js';
import { link, pageHeader, section, stateBadge, table } from '../../components/ui.js';
import { exportLinks } from '../../components/exports.js';
import { stackOnPhone, sumMoney } from './data.js';
import { trancheActions, trancheSteps } from './tranches.js';
import { tranchesInStates } from './tranche_source.js';

const STATES = ['requested', 'verified', 'approved'];

export async function disbursementsView(ctx) {
  ctx.setTitle(t('grants.queue.title'));
  const tranches = await tranchesInStates(STATES);
  const reload = () => ctx.reload();
  const columns = [
    { label: t('grants.tranche.col.tranche'), cell: (tr) => tr.reference },
    { label: t('grants.queue.col.grant'), cell: (tr) => link(`/grants/${tr.grant.id}`, tr.grant.reference) },
    { label: t('grants.col.city'), cell: (tr) => tr.grant.city.name },
    { label: t('grants.col.amount'), class: 'num', cell: (tr) => money(tr.amount) },
    { label: t('grants.col.state'), cell: (tr) => stateBadge('tranche', tr.state) },
    { label: t('grants.tranche.col.steps'), cell: (tr) => trancheSteps(tr) },
    { label: t('grants.tranche.col.actions'), cell: (tr) => trancheActions(tr, { onDone: reload }) },
  ];
  const mine = tranches.filter((tr) => tr.state === 'approved' && tr.approved_by === currentUser()?.id).length;
  const counts = STATES.map((s) => {
    const these = tranches.filter((tr) => tr.state === s);
    return h('li', { dataset: { state: s } }, stateBadge('tranche', s), ' ',
      t('grants.queue.count', { count: these.length, amount: money(sumMoney(these, undefined, these[0]?.amount.currency)) }));
  });
  return h('section', { class: 'page disbursements' },
    pageHeader(t('grants.queue.title'), exportLinks('tranches', { state: STATES.join(',') })),
    h('p', { class: 'lead', text: t('grants.queue.lead') }),
    h('p', { class: 'notice info four-eyes-rule', text: t('grants.four_eyes.rule') }),
    mine ? h('p', { class: 'notice warn', text: t('grants.four_eyes.summary', { count: mine }) }) : null,
    section(t('grants.queue.summary'), h('ul', { class: 'queue-counts' }, counts)),
    section(t('grants.queue.list'), stackOnPhone(table(t('grants.queue.caption'), columns, tranches, { empty: t('grants.queue.empty') }))));
}
