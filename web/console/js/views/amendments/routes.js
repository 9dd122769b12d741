// The amendment pages: a change asked for on a grant, and the form that asks for one.
// routes: [{path, view: async (ctx) => Node}]; nav: [] (reached from a grant's page).

import { amendmentView } from './amendment.js';
import { amendFormView } from './amend_form.js';

export const routes = [
  { path: '/amendments/:id', view: amendmentView },
  { path: '/grants/:id/amend', view: amendFormView },
];

export const nav = [];
