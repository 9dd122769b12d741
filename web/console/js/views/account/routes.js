// The signed-in user's account (name, language, password, sessions and API tokens), reached
// from their name in the header, and the two public pages of a forgotten password.

import { accountView } from './account_page.js';
import { resetRequestView, resetChooseView } from './reset_pages.js';

export const routes = [
  { path: '/account', view: accountView },
  { path: '/password-reset', view: resetRequestView, public: true },
  { path: '/password-reset/:token', view: resetChooseView, public: true },
];

// No menu entry: the header's name is the link to the account page.
export const nav = [];
