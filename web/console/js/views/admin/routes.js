// The admin pages: users and role grants, organisations, the fund's open-data settings, and the
// calls (funding rounds) with their criteria and tranche plans. Admins manage users,
// organisations and the open-data settings; admins and fund managers set up calls (fund managers
// open and close them).
import { usersView } from './users.js';
import { userView } from './user-page.js';
import { organisationsView } from './organisations.js';
import { publisherView } from './publisher.js';
import { callsView } from './calls.js';
import { newCallView } from './call-form.js';
import { callView } from './call-page.js';

export const routes = [
  { path: '/admin/users', view: usersView },
  { path: '/admin/users/:id', view: userView },
  { path: '/admin/organisations', view: organisationsView },
  { path: '/admin/open-data', view: publisherView },
  { path: '/calls', view: callsView },
  { path: '/calls/new', view: newCallView },
  { path: '/calls/:id', view: callView },
];

export const nav = [
  { href: '#/calls', key: 'admin.nav.calls', roles: ['admin', 'fund_manager'], order: 60, descKey: 'admin.nav.calls_desc' },
  { href: '#/admin/users', key: 'admin.nav.users', roles: ['admin'], order: 70, descKey: 'admin.nav.users_desc' },
  { href: '#/admin/organisations', key: 'admin.nav.organisations', roles: ['admin'], order: 71, descKey: 'admin.nav.organisations_desc' },
  { href: '#/admin/open-data', key: 'admin.nav.open_data', roles: ['admin'], order: 72, descKey: 'admin.nav.open_data_desc' },
];
