// The JSON API from a test, as a user: sign in with POST /api/v1/session, then GET or change
// with the cookie and the CSRF token. Used to set up situations and to check what the console
// shows against the database's truth.

import { DEMO_PASSWORD } from './server.mjs';
import { FACTOR_LOGINS, nextCode } from './totp.mjs';

// A login with a second factor signs in with its next code, and answers a 401
// step-up-required as the console does: POST /session/step-up with the next code, then the same
// request again.
// A login with a second factor keeps one client per server (as one browser tab would): the
// server takes each code once, so a new session for every call would wait for the clock.
const kept = new Map();

export async function apiClient(base, email, password = DEMO_PASSWORD) {
  if (!FACTOR_LOGINS.has(email)) return newApiClient(base, email, password);
  const key = `${base} ${email} ${password}`;
  if (!kept.has(key)) kept.set(key, newApiClient(base, email, password).catch((e) => { kept.delete(key); throw e; }));
  return kept.get(key);
}

async function newApiClient(base, email, password) {
  const otp = FACTOR_LOGINS.has(email) ? await nextCode(base, email) : undefined;
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password, otp }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email}: ${res.status}`);
  const cookie = res.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf, user } = await res.json();
  async function call(method, path, body, headers = {}) {
    const r = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    const data = text ? JSON.parse(text) : null;
    if (r.status === 401 && FACTOR_LOGINS.has(email) && path !== '/session/step-up' && data?.type?.endsWith('/step-up-required')) {
      await call('POST', '/session/step-up', { otp: await nextCode(base, email) });
      return call(method, path, body, headers);
    }
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return data;
  }
  return {
    user,
    get: (path) => call('GET', path),
    post: (path, body, headers) => call('POST', path, body, headers),
    put: (path, body, headers) => call('PUT', path, body, headers),
    // Fires `event` on a record of `collection` guarded by its current version.
    async fire(collection, id, event, fields = {}, headers = {}) {
      const record = await call('GET', `/${collection}/${id}`);
      return call('POST', `/${collection}/${id}/transitions`, { event, ...fields }, { 'If-Match': `"v${record.version}"`, ...headers });
    },
    // Every item of a cursor-paged list.
    async all(path) {
      const items = [];
      let after = null;
      do {
        const sep = path.includes('?') ? '&' : '?';
        const page = await call('GET', `${path}${sep}limit=200${after ? `&after=${encodeURIComponent(after)}` : ''}`);
        items.push(...page.items);
        after = page.next;
      } while (after);
      return items;
    },
  };
}

// For the tests' own small API clients: the sign-in body of `email`, with its next code when the
// login has a second factor.
export async function signInBody(base, email, password = DEMO_PASSWORD) {
  return JSON.stringify({ email, password, ...(FACTOR_LOGINS.has(email) ? { otp: await nextCode(base, email) } : {}) });
}

// When an answer (`status`, parsed `data`) asks `email`'s session (`cookie`, `csrf`) for a
// step-up, steps up with the next code and answers true: the caller sends the request again.
export async function steppedUpIfAsked(base, email, status, data, cookie, csrf) {
  if (status !== 401 || !FACTOR_LOGINS.has(email) || !data?.type?.endsWith('/step-up-required')) return false;
  const r = await fetch(`${base}/api/v1/session/step-up`, {
    method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
    body: JSON.stringify({ otp: await nextCode(base, email) }),
  });
  if (!r.ok) throw new Error(`step-up of ${email}: ${r.status} ${await r.text()}`);
  return true;
}
