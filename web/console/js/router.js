// Hash routes (#/proposals/12?tab=reviews): one table of {path, view, public}, filled by each
// area's routes.js. A view is async (ctx) => Node; ctx has params, query, user, setTitle, go
// and reload. The router guards against a slow view overwriting a newer page, moves the focus
// to the page's heading and announces it, and sends a signed-out user to sign in first.

import { h, mount } from './dom.js';
import { t } from './i18n.js';
import { currentUser } from './session.js';
import { explain } from './components/problem.js';

const table = [];
let main;
let announcer;
let generation = 0;

function compile(path) {
  const keys = [];
  const source = path.replace(/:(\w+)/g, (_, k) => { keys.push(k); return '([^/]+)'; });
  return { regex: new RegExp(`^${source}$`), keys };
}

// Adds routes: [{path: '/proposals/:id', view: async (ctx) => Node, public: false}].
export function register(routes) {
  for (const r of routes) table.push({ ...r, ...compile(r.path) });
}

// The current location: {path, query}.
export function location() {
  const raw = window.location.hash.replace(/^#/, '') || '/';
  const [path, qs] = raw.split('?');
  return { path: path || '/', query: Object.fromEntries(new URLSearchParams(qs ?? '')), raw };
}

export function href(path, query) {
  const qs = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== '')).toString() : '';
  return `#${path}${qs ? `?${qs}` : ''}`;
}

export function go(path, query) {
  const target = href(path, query);
  if (window.location.hash === target) render();
  else window.location.hash = target;
}

// Where a signed-out user goes, remembering the page they were on; `expired` when their
// session ended under them (the sign-in page says so).
export function goToSignIn({ expired = false } = {}) {
  const here = location();
  if (here.path === '/sign-in') return;
  go('/sign-in', { return: here.path === '/' ? undefined : here.raw, expired: expired ? '1' : undefined });
}

function match(path) {
  for (const r of table) {
    const m = path.match(r.regex);
    if (m) return { route: r, params: Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1])])) };
  }
  return null;
}

function errorPage(error) {
  return h('section', { class: 'page' }, h('h1', { text: t('error.page_title') }),
    h('p', { class: 'notice error', role: 'alert', text: explain(error) }),
    h('p', {}, h('a', { href: '#/', text: t('nav.home') })));
}

// Renders the page for the current hash into <main>.
export async function render() {
  const mine = ++generation;
  const { path, query } = location();
  const found = match(path);
  if (found && !found.route.public && !currentUser()) { goToSignIn(); return; }
  let title = t('app.name');
  const ctx = {
    params: found?.params ?? {}, query, user: currentUser(),
    setTitle: (s) => { title = `${s} · ${t('app.name')}`; },
    go, reload: () => render(),
  };
  main.setAttribute('aria-busy', 'true');
  let page;
  try {
    page = found ? await found.route.view(ctx)
      : h('section', { class: 'page' }, h('h1', { text: t('error.not_found_title') }), h('p', { text: t('error.not_found') }));
  } catch (e) {
    if (e?.status === 401) return;  // the API module already sent the user to sign in
    console.error(e);
    page = errorPage(e);
  }
  if (mine !== generation) return;  // a newer navigation won
  mount(main, page);
  main.dataset.rendered = window.location.hash;  // tests wait for the page of the current hash,
  main.dataset.renders = String(Number(main.dataset.renders ?? 0) + 1);  // or for the next render
  main.removeAttribute('aria-busy');
  document.title = title;
  const heading = main.querySelector('h1');
  (heading ?? main).setAttribute('tabindex', '-1');
  (heading ?? main).focus({ preventScroll: false });
  announcer.textContent = heading?.textContent ?? title;
  performance.mark(`cg:rendered:${path}`);  // ops/bench/console reads the time to first render
  document.dispatchEvent(new CustomEvent('cg:navigated', { detail: { path } }));
}

export function start(mainEl, announcerEl) {
  main = mainEl;
  announcer = announcerEl;
  window.addEventListener('hashchange', () => render());
  return render();
}
