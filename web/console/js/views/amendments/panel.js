// The grant page's "Changes to the grant" panel (GET /grants/{id}/amendments): each amendment
// with its kinds and state, linked to its page, under the end date the grant's terms now set
// (GET /grants/{id}/terms); and, while the grant runs, "Request a change"
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

// The terms the grant runs on now: its end date and, once amended, the version in force.
function termsNow(versions) {
  const now = versions.at(-1);
  if (!now) return null;
  return h('p', { class: 'terms-now', dataset: { version: now.number } },
    t(now.number > 1 ? 'amendments.panel.terms_amended' : 'amendments.panel.terms_awarded',
      { end: date(now.ends_at), n: now.number }));
}

export async function amendmentsPanel(grant) {
  const none = (err) => { if (err?.status === 401) throw err; return []; };
  const [items, terms] = await Promise.all([
    getAll(`/grants/${grant.id}/amendments`).catch(none),
    getAll(`/grants/${grant.id}/terms`).catch(none),
  ]);
  return section(t('amendments.panel.title'),
    termsNow(terms),
    table(t('amendments.panel.caption'), [
      { label: t('amendments.col.asked'), cell: (a) => link(`/amendments/${a.id}`, date(a.created_at)) },
      { label: t('amendments.col.kinds'), cell: (a) => kindsText(a.kinds) },
      { label: t('amendments.col.state'), cell: (a) => stateBadge('amendment', a.state) },
    ], items, { empty: t('amendments.panel.none') }),
    askButton(grant));
}
