// Boots the console: language, who is signed in, the shell (navigation, language switch,
// sign-out) and the hash router with every area's pages.

import { me, onEnrolmentRequired, onUnauthenticated, signOut } from './api.js';
import { mount } from './dom.js';
import { dropStaleToast, toast } from './components/ui.js';
import { fitMenu, menuList, watchMenu } from './components/nav_more.js';
import { syncPrintHeader } from './components/print.js';
import { language, onLanguageChange, preferredLanguage, setLanguage, t } from './i18n.js';
import { go, goToSignIn, register, render, start } from './router.js';
import { currentUser, hasRole, setCurrentUser } from './session.js';
import * as core from './views/core/routes.js';
import * as proposals from './views/proposals/routes.js';
import * as reviews from './views/reviews/routes.js';
import * as grants from './views/grants/routes.js';
import * as amendments from './views/amendments/routes.js';
import * as fund from './views/fund/routes.js';
import * as results from './views/results/routes.js';
import * as opendata from './views/opendata/routes.js';
import * as admin from './views/admin/routes.js';
import * as audit from './views/audit/routes.js';
import * as search from './views/search/routes.js';
import * as account from './views/account/routes.js';
import { saveLanguage } from './views/account/language.js';
import * as outbox from './views/outbox/routes.js';
import * as team from './views/team/routes.js';

const AREAS = [core, proposals, reviews, grants, amendments, fund, results, opendata, admin, audit, search, account, outbox, team];

function translateStatic() {
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
}

function renderShell() {
  const user = currentUser();
  const entries = AREAS.flatMap((a) => a.nav)
    .filter((n) => (!n.roles || n.roles.some((r) => hasRole(r))) && (!n.when || n.when(user)))
    .sort((a, b) => (a.order ?? 50) - (b.order ?? 50));
  const here = window.location.hash || '#/';
  const nav = document.getElementById('nav');
  mount(nav, user ? menuList(entries.map((n) => ({
    href: n.href, text: t(n.key), current: here === n.href || (n.href !== '#/' && here.startsWith(n.href)),
  }))) : null);
  const who = document.getElementById('who');
  who.textContent = user ? `${user.name} · ${user.organisation?.name ?? ''}` : '';
  who.hidden = !user;
  who.title = user ? t('account.title') : '';
  document.getElementById('sign-out').hidden = !user;
  search.showSearchBox(Boolean(user));
  document.getElementById('language').value = language();
  translateStatic();
  fitMenu(nav);
}

function wireShell() {
  // Signed in, the choice is saved to the account first (every device and the mail follow
  // it; the next page load takes it from there), then shown.
  document.getElementById('language').addEventListener('change', async (e) => {
    const lang = e.target.value;
    try {
      await saveLanguage(lang);
    } catch {
      toast(t('account.language_not_saved'));
    }
    await setLanguage(lang);
  });
  document.getElementById('sign-out').addEventListener('click', async () => {
    await signOut().catch(() => {});
    setCurrentUser(null);
    renderShell();
    go('/sign-in');
  });
  search.wireSearchBox(go);
  watchMenu(document.getElementById('nav'));
  const toggle = document.getElementById('menu-toggle');
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    document.body.classList.toggle('menu-open', open);
  });
  document.getElementById('skip-link').addEventListener('click', (e) => {
    e.preventDefault();
    const target = document.querySelector('main h1') ?? document.getElementById('main');
    target.setAttribute('tabindex', '-1');
    target.focus();
  });
  document.addEventListener('cg:navigated', () => {
    toggle.setAttribute('aria-expanded', 'false');
    document.body.classList.remove('menu-open');
    dropStaleToast();
    syncPrintHeader(document.getElementById('main'));
    renderShell();
  });
  document.addEventListener('cg:signed-in', (e) => {
    setCurrentUser(e.detail.user);
    renderShell();
  });
  onLanguageChange(() => { renderShell(); render(); });
  onEnrolmentRequired(() => go('/account'));
  onUnauthenticated(() => {
    setCurrentUser(null);
    renderShell();
    goToSignIn({ expired: true });
  });
}

async function boot() {
  await setLanguage(preferredLanguage(), { remember: false });
  const user = await me().catch(() => null);
  setCurrentUser(user);
  // The signed-in user's saved language outranks this browser's (DESIGN §7, issue 15).
  if (user?.language && user.language !== language()) await setLanguage(user.language);
  for (const area of AREAS) register(area.routes);
  wireShell();
  renderShell();
  await start(document.getElementById('main'), document.getElementById('announcer'));
}

boot().catch((e) => {
  console.error(e);
  document.getElementById('main').textContent = 'citygrants could not start: reload the page.';
});
