// #/grants: the grants the user may see (the server scopes the list): reference, city, amount,
// money disbursed so far, state and the date the agreement was signed. Paged with ?after=.

import { get, getAll, withQuery } from '../../api.js';
import { h } from '../../dom.js';
import { date, money, t } from '../../i18n.js';
import { hasRole } from '../../session.js';
import { link, pageHeader, stateBadge, table } from '../../components/ui.js';
import { exportLinks } from '../../components/exports.js';
import { disbursedOf, mapLimited, organisationsById, orgName } from './data.js';

const PAGE = 50;

export async function grantsListView(ctx) {
  ctx.setTitle(t('grants.list.title'));
  const after = ctx.query.after;
  const page = await get(withQuery('/grants', { limit: PAGE, after }));
  const grants = page.items ?? [];
  const [orgs, tranches] = await Promise.all([
    organisationsById(grants.map((g) => g.city_org_id)),
    mapLimited(grants, 6, (g) => getAll(`/grants/${g.id}/tranches`)),
  ]);
  const rows = grants.map((g, i) => ({ ...g, disbursed: disbursedOf(tranches[i], g.amount.currency) }));
  const columns = [
    { label: t('grants.col.reference'), cell: (g) => link(`/grants/${g.id}`, g.reference) },
    { label: t('grants.col.city'), cell: (g) => orgName(orgs, g.city_org_id) },
    { label: t('grants.col.amount'), class: 'num', cell: (g) => money(g.amount) },
    { label: t('grants.col.disbursed'), class: 'num', cell: (g) => money(g.disbursed) },
    { label: t('grants.col.state'), cell: (g) => stateBadge('grant', g.state) },
    { label: t('grants.col.signed'), cell: (g) => (g.signed_at ? h('time', { datetime: g.signed_at, text: date(g.signed_at) }) : t('grants.not_signed')) },
  ];
  const intro = hasRole('applicant') ? t('grants.list.intro_applicant')
    : hasRole('partner') && !hasRole('fund_manager', 'auditor') ? t('grants.list.intro_partner') : t('grants.list.intro');
  const pager = h('nav', { class: 'pager', 'aria-label': t('grants.list.pages') },
    after ? h('a', { href: '#/grants' }, t('grants.list.first_page')) : null,
    page.next ? h('a', { href: `#/grants?after=${encodeURIComponent(page.next)}` }, t('common.next')) : null);
  return h('section', { class: 'page grants-list' },
    pageHeader(t('grants.list.title'), exportLinks('grants')),
    h('p', { class: 'lead', text: intro }),
    typeof page.total === 'number' ? h('p', { class: 'count', text: t('common.total', { count: page.total }) }) : null,
    table(t('grants.list.caption'), columns, rows, { empty: t('grants.list.empty') }),
    pager.childElementCount ? pager : null);
}
