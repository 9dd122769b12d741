// What the fund pages must show, straight from the API of a test server (never from the page):
// a signed-in API client, the pipeline per state and the money per call or city — from the
// stats endpoints when the server has them, else summed here over every page of the lists.

import { signInBody, steppedUpIfAsked } from './lib/api.mjs';

// An API client signed in as `email`: get/post/transition, each answering {status, data, etag}.
export async function apiAs(base, email) {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: await signInBody(base, email),
  });
  if (!res.ok) throw new Error(`sign-in of ${email}: ${res.status}`);
  const cookie = res.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await res.json();
  const call = async (method, path, body, headers = {}) => {
    const r = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { Accept: 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf, ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    const data = text ? JSON.parse(text) : null;
    if (await steppedUpIfAsked(base, email, r.status, data, cookie, csrf)) return call(method, path, body, headers);
    return { status: r.status, data, etag: r.headers.get('etag') };
  };
  const api = {
    call,
    async get(path) {
      const r = await call('GET', path);
      if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${JSON.stringify(r.data)}`);
      return r.data;
    },
    // Every item of a cursor-paged list.
    async all(path, query = {}) {
      const items = [];
      let after;
      do {
        const q = new URLSearchParams(Object.entries({ ...query, limit: 200, ...(after ? { after } : {}) }).filter(([, v]) => v !== undefined));
        const page = await api.get(`${path}?${q}`);
        items.push(...page.items);
        after = page.next;
      } while (after);
      return items;
    },
    // Fires `event` on a record of `collection`, guarded by its current version.
    async transition(collection, id, event, fields = {}) {
      const record = await api.get(`/${collection}/${id}`);
      const r = await call('POST', `/${collection}/${id}/transitions`, { event, ...fields }, { 'If-Match': `"v${record.version}"` });
      if (r.status !== 200) throw new Error(`${event} on ${collection}/${id}: ${r.status} ${JSON.stringify(r.data)}`);
      return r.data;
    },
  };
  return api;
}

// {source, currency, states: Map state -> {count, requested, awarded}} (money in minor units).
export async function pipelineTruth(api, callId) {
  const q = callId ? `?call=${callId}` : '';
  const stats = await api.call('GET', `/stats/pipeline${q}`);
  const states = new Map();
  if (stats.status === 200) {
    for (const s of stats.data.states) {
      states.set(s.state, { count: s.count, requested: s.requested?.amount_minor ?? 0, awarded: s.awarded?.amount_minor ?? 0 });
    }
    return { source: 'stats', currency: stats.data.currency, states };
  }
  if (stats.status !== 404) throw new Error(`GET /stats/pipeline: ${stats.status}`);
  const items = await api.all('/proposals', { call: callId });
  for (const p of items) {
    const s = states.get(p.state) ?? { count: 0, requested: 0, awarded: 0 };
    s.count += 1;
    s.requested += p.amount.amount_minor;
    s.awarded += p.award?.amount_minor ?? 0;
    states.set(p.state, s);
  }
  return { source: 'pages', currency: items[0]?.amount.currency ?? 'USD', states };
}

// {source, currency, items: [{id, name, grants, planned, disbursed}]} (money in minor units).
export async function moneyTruth(api, by) {
  const stats = await api.call('GET', `/stats/money?by=${by}`);
  if (stats.status === 200) {
    return {
      source: 'stats', currency: stats.data.currency,
      items: stats.data.items.map((it) => ({ id: it.id, name: it.name, grants: it.grants, planned: it.planned.amount_minor, disbursed: it.disbursed.amount_minor })),
    };
  }
  if (stats.status !== 404) throw new Error(`GET /stats/money: ${stats.status}`);
  const grants = await api.all('/grants');
  const named = by === 'city' ? (await api.get('/organisations?kind=city')).items : (await api.get('/calls')).items;
  const items = new Map();
  for (const g of grants) {
    const id = by === 'city' ? g.city_org_id : g.call_id;
    const it = items.get(id) ?? { id, name: named.find((x) => x.id === id)[by === 'city' ? 'name' : 'title'], grants: 0, planned: 0, disbursed: 0 };
    it.grants += 1;
    for (const tr of await api.all(`/grants/${g.id}/tranches`)) {
      if (tr.state !== 'cancelled') it.planned += tr.amount.amount_minor;
      if (tr.state === 'disbursed') it.disbursed += tr.amount.amount_minor;
    }
    items.set(id, it);
  }
  return { source: 'grants', currency: grants[0]?.amount.currency ?? 'USD', items: [...items.values()] };
}
