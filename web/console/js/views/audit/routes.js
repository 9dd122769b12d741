// The audit pages: the audit chain with its filters, its verification, and the timeline of any
// record. The API lets auditors and fund managers read the chain (admins may not).
import { auditLogView } from './log.js';
import { verifyView } from './verify.js';
import { recordTimelineView } from './record-timeline.js';

export const routes = [
  { path: '/audit', view: auditLogView },
  { path: '/audit/verify', view: verifyView },
  { path: '/audit/timeline/:entity/:id', view: recordTimelineView },
];

export const nav = [
  { href: '#/audit', key: 'audit.nav.log', roles: ['auditor', 'fund_manager'], order: 80, descKey: 'audit.nav.log_desc' },
];
