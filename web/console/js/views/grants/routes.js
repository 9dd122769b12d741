// The grants pages: their hash routes and their entries in the navigation.
// routes: [{path, view: async (ctx) => Node}]; nav: [{href, key, roles: [...], order}].

import { grantsListView } from './list.js';
import { grantView } from './grant.js';
import { reportView } from './report.js';
import { disbursementsView } from './disbursements.js';
import { verificationsView } from './verifications.js';

export const routes = [
  { path: '/grants', view: grantsListView },
  { path: '/grants/:id', view: grantView },
  { path: '/reports/:id', view: reportView },
  { path: '/disbursements', view: disbursementsView },
  { path: '/verifications', view: verificationsView },
];

export const nav = [
  { href: '#/grants', key: 'grants.nav.grants', roles: ['applicant', 'partner', 'fund_manager', 'auditor'], order: 40, descKey: 'grants.nav.grants_desc' },
  { href: '#/verifications', key: 'grants.nav.verifications', roles: ['partner'], order: 41, descKey: 'grants.nav.verifications_desc' },
  { href: '#/disbursements', key: 'grants.nav.disbursements', roles: ['fund_manager'], order: 42, descKey: 'grants.nav.disbursements_desc' },
];
