// The fund pages: the pipeline board and the money chart (fund managers and auditors) and the
// workflow machines with their diagrams (everyone signed in).

import { boardView } from './board.js';
import { chartView } from './chart.js';
import { workflowsView } from './workflows_page.js';

export const routes = [
  { path: '/board', view: boardView },
  { path: '/chart', view: chartView },
  { path: '/workflows', view: workflowsView },
];

export const nav = [
  { href: '#/board', key: 'fund.nav.board', roles: ['fund_manager', 'auditor'], order: 40, descKey: 'fund.nav.board_desc' },
  { href: '#/chart', key: 'fund.nav.chart', roles: ['fund_manager', 'auditor'], order: 41, descKey: 'fund.nav.chart_desc' },
  { href: '#/workflows', key: 'fund.nav.workflows', order: 90, descKey: 'fund.nav.workflows_desc' },
];
