// The open-data page (#/open-data): what the fund publishes in 360Giving and IATI, the files to
// download, and every list as CSV or Excel in one place. Fund managers, auditors and admins find
// it in their navigation; the public files need no sign-in at all. Admins change the fund's
// identifiers on #/admin/open-data.

import { openDataView } from './open_data_page.js';

export const routes = [
  { path: '/open-data', view: openDataView },
];

export const nav = [
  { href: '#/open-data', key: 'opendata.nav.open_data', roles: ['fund_manager', 'auditor', 'admin'], order: 44, descKey: 'opendata.nav.open_data_desc' },
];
