// The grant page's "Changes to the grant" panel (GET /grants/{id}/amendments): each amendment
// with its kinds and state, linked to its page; and, while the grant runs, "Request a change"
// for the grant's city or "Propose a change" for a fund manager. Who may send what is decided
// by the server (a refused draft answers 403); the button only avoids offering it to the rest.

import { getAll } from '../../api.js';
import { h } from '../../dom.js';
import { date, t } from '../../i18n.js';
import { hasRole, orgId } from '../../session.js';
import { link, section, stateBadge, table } from '../../components/ui.js';

export function kindsText(kinds) {
  return (kinds ?? []).map((k) => t(`amendments.kind.${k}`)).join(', ');
}

function askButton(grant) {
  if (!['active', 'suspended'].includes(grant.state)) return null;
  const city = hasRole('applicant') && orgId() === grant.city_org_id;
  const fund = hasRole('fund_manager');
  if (!city && !fund) return null;
  return h('p', { class: 'no-print' }, link(`/grants/${grant.id}/amend`,
    t(city ? 'amendments.request' : 'amendments.propose'), { class: 'button amend-link' }));
}

export async function amendmentsPanel(grant) {
  const items = await getAll(`/grants/${grant.id}/amendments`).catch((err) => { if (err?.status === 401) throw err; return []; });
  return section(t('amendments.panel.title'),
    table(t('amendments.panel.caption'), [
      { label: t('amendments.col.asked'), cell: (a) => link(`/amendments/${a.id}`, date(a.created_at)) },
      { label: t('amendments.col.kinds'), cell: (a) => kindsText(a.kinds) },
      { label: t('amendments.col.state'), cell: (a) => stateBadge('amendment', a.state) },
    ], items, { empty: t('amendments.panel.none') }),
    askButton(grant));
}
