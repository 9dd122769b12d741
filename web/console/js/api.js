// The only way the console talks to the server: /api/v1, JSON in and out, the session cookie
// plus the CSRF token on every change, If-Match from the record's version, and the console's
// language in Accept-Language (the server answers a signed-in user in the language saved to the
// account, anyone else in this one).

import { language } from './i18n.js';

const BASE = '/api/v1';
let csrfToken = sessionStorage.getItem('cg.csrf');
let unauthenticatedHandler = () => {};
let enrolmentHandler = () => {};

// An answer that is not 2xx: `status` (0 when the server could not be reached), the
// problem+json body ({type, title, detail, errors[]}) and the language its words are written in
// (Content-Language).
export class ApiError extends Error {
  constructor(status, problem, contentLanguage = null) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
    this.language = contentLanguage;
  }
  get slug() { return (this.problem.type ?? '').split('/').pop(); }
  get fieldErrors() { return Array.isArray(this.problem.errors) ? this.problem.errors : []; }
}

export function setCsrfToken(token) {
  csrfToken = token;
  if (token) sessionStorage.setItem('cg.csrf', token);
  else sessionStorage.removeItem('cg.csrf');
}

// Called with no arguments when a signed-in request answers 401 (the session ended).
export function onUnauthenticated(fn) { unauthenticatedHandler = fn; }

// Called when the server answers that the user's role needs a second factor they have not
// enrolled yet (403 second-factor-enrolment-required): the account page is where they enrol.
export function onEnrolmentRequired(fn) { enrolmentHandler = fn; }

// The ETag that guards a change of `record` (its version).
export function etagOf(record) { return `"v${record.version}"`; }

// One request. `body` is JSON (or FormData for uploads); `etag` goes in If-Match; answers
// {data, etag, status} or throws ApiError.
export async function request(method, path, { body, etag, headers = {}, quiet401 = false } = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json', 'Accept-Language': language(), ...headers } };
  if (method !== 'GET' && csrfToken) init.headers['X-CSRF-Token'] = csrfToken;
  if (etag) init.headers['If-Match'] = etag;
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(BASE + path, init);
  } catch {
    throw new ApiError(0, { type: 'network', title: 'network' });
  }
  const type = res.headers.get('Content-Type') ?? '';
  const data = res.status === 204 ? null : type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (!res.ok) {
    const error = new ApiError(res.status, data && typeof data === 'object' ? data : null, res.headers.get('Content-Language'));
    // A step-up (a code before money moves) is asked for where the action is, not by signing in.
    if (res.status === 401 && !quiet401 && error.slug !== 'step-up-required') unauthenticatedHandler();
    if (res.status === 403 && error.slug === 'second-factor-enrolment-required') enrolmentHandler();
    throw error;
  }
  return { data, etag: res.headers.get('ETag'), status: res.status };
}

export async function get(path) { return (await request('GET', path)).data; }
export async function post(path, body, options = {}) { return (await request('POST', path, { body, ...options })).data; }
export async function put(path, body, options = {}) { return (await request('PUT', path, { body, ...options })).data; }
export async function del(path, options = {}) { return (await request('DELETE', path, options)).data; }

// A path with its query string; empty and undefined values are left out.
export function withQuery(path, query) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

// Every item of a cursor-paged list (for small lists: organisations, a grant's tranches).
export async function getAll(path, query = {}, max = 2000) {
  const items = [];
  let after;
  do {
    const page = await get(withQuery(path, { ...query, limit: 200, after }));
    items.push(...page.items);
    after = page.next;
  } while (after && items.length < max);
  return items;
}

// POST {event, ...fields} to <collection>/<id>/transitions, guarded by the record's version.
export async function fire(collection, record, event, fields = {}, headers = {}) {
  return post(`/${collection}/${record.id}/transitions`, { event, ...fields }, { etag: etagOf(record), headers });
}

// Sign in (with `otp`, the second factor's code, when the account has one); answers the user
// and keeps the CSRF token for this tab.
export async function signIn(email, password, otp) {
  const body = otp ? { email, password, otp } : { email, password };
  const data = (await request('POST', '/session', { body, quiet401: true })).data;
  setCsrfToken(data.csrf_token);
  return data.user;
}

// Proves the second factor again on this session: money may move for the next five minutes.
export async function stepUp(otp) { return post('/session/step-up', { otp }); }

export async function signOut() {
  try { await request('DELETE', '/session', { quiet401: true }); } finally { setCsrfToken(null); }
}

// The signed-in user (and this tab's CSRF token), or null when nobody is signed in.
export async function me() {
  try {
    const data = (await request('GET', '/me', { quiet401: true })).data;
    setCsrfToken(data.csrf_token ?? csrfToken);
    return data;
  } catch (e) {
    if (e.status === 401) return null;
    throw e;
  }
}
