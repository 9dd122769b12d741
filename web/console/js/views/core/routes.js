// The pages every user has: sign-in and the start page (the inbox).

import { signInView } from './signin.js';
import { inboxHomeView } from '../inbox/home.js';
import * as proposals from '../proposals/routes.js';
import * as reviews from '../reviews/routes.js';
import * as grants from '../grants/routes.js';
import * as fund from '../fund/routes.js';
import * as results from '../results/routes.js';
import * as opendata from '../opendata/routes.js';
import * as admin from '../admin/routes.js';
import * as audit from '../audit/routes.js';

const areaNav = () => [proposals, reviews, grants, fund, results, opendata, admin, audit].flatMap((a) => a.nav).sort((a, b) => (a.order ?? 50) - (b.order ?? 50));

export const routes = [
  { path: '/sign-in', view: signInView, public: true },
  { path: '/', view: (ctx) => inboxHomeView(ctx, areaNav()) },
];
export const nav = [{ href: '#/', key: 'nav.home', order: 0 }];
