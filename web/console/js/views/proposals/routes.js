// The proposals pages: their hash routes and their entries in the navigation.
// routes: [{path, view: async (ctx) => Node}]; nav: [{href, key, roles: [...], order}].
// '/proposals/new' comes before '/proposals/:id', which would otherwise take it.

import { detailView } from './detail.js';
import { formView } from './form.js';
import { listView } from './list.js';

export const routes = [
  { path: '/proposals', view: listView },
  { path: '/proposals/new', view: formView },
  { path: '/proposals/:id/edit', view: formView },
  { path: '/proposals/:id', view: detailView },
];

export const nav = [
  { href: '#/proposals', key: 'proposals.nav', descKey: 'proposals.nav_desc', roles: ['applicant', 'partner', 'fund_manager', 'auditor'], order: 10 },
];
