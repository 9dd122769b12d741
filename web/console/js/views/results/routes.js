// The results pages: what the money achieved (#/results: indicators' targets and actuals rolled
// up by call, chapter, donor, city or country) and who paid for it (#/donors: each donor's funding
// chapters with committed, allocated and disbursed money; #/donors/:id: one donor's money and the
// results of its share). Fund managers, auditors and strategic partners find Results in their
// navigation (the server counts only the grants each may see); applicants see their grant's
// results on its page and are not offered it, though the address works for them too. Donors are
// listed for fund managers, auditors and admins; admins and fund managers manage the chapters.

import { donorsView } from './donors_page.js';
import { donorSummaryView } from './donor_summary.js';
import { resultsView } from './results_page.js';

export const routes = [
  { path: '/results', view: resultsView },
  { path: '/donors', view: donorsView },
  { path: '/donors/:id', view: donorSummaryView },
];

export const nav = [
  { href: '#/results', key: 'results.nav.results', roles: ['fund_manager', 'auditor', 'partner'], order: 42, descKey: 'results.nav.results_desc' },
  { href: '#/donors', key: 'results.nav.donors', roles: ['fund_manager', 'auditor', 'admin'], order: 43, descKey: 'results.nav.donors_desc' },
];
