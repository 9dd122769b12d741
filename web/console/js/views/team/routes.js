// An organisation lead's team (#/team: members, pending invitations, the invite form) and the
// public page of a mailed invitation (#/invitation/<token>), where the invitee chooses their
// name and password.

import { teamView } from './team_page.js';
import { invitationView } from './invitation_page.js';

export const routes = [
  { path: '/team', view: teamView },
  { path: '/invitation/:token', view: invitationView, public: true },
];

// Only an organisation lead (the /me answer's org_lead) sees the entry.
export const nav = [
  { href: '#/team', key: 'team.nav', descKey: 'team.nav_desc', when: (user) => Boolean(user?.org_lead), order: 65 },
];
