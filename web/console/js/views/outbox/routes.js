// The admins' outbox page: the mail the fund's steps wrote, queued, sent or failed.
import { outboxView } from './outbox.js';

export const routes = [
  { path: '/admin/outbox', view: outboxView },
];

export const nav = [
  { href: '#/admin/outbox', key: 'outbox.nav', roles: ['admin'], order: 73, descKey: 'outbox.nav_desc' },
];
