// The reviews pages: their hash routes and their entries in the navigation.
// routes: [{path, view: async (ctx) => Node}]; nav: [{href, key, roles: [...], order}].

import { assignmentView } from './assignment.js';
import { proposalReviewsView } from './proposal_reviews.js';
import { queueView } from './queue.js';

export const routes = [
  { path: '/reviews', view: queueView },
  { path: '/assignments/:id', view: assignmentView },
  { path: '/proposals/:id/reviews', view: proposalReviewsView },
];

export const nav = [
  { href: '#/reviews', key: 'reviews.nav.queue', roles: ['partner', 'fund_manager', 'auditor'], order: 20, descKey: 'reviews.nav.queue_desc' },
];
