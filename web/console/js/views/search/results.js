// The results page: the hits of GET /api/v1/search grouped by kind (the kind of the best hit
// first, each group in rank order), each a link to its record with the text that matched. The
// snippet comes as pieces of plain text, the matched words put in <mark> elements made here:
// nothing a record holds is ever read as markup.

import { get, withQuery } from '../../api.js';
import { h } from '../../dom.js';
import { number, t } from '../../i18n.js';
import { hasRole } from '../../session.js';
import { problemNotice } from '../../components/problem.js';

const PAGE_SIZE = 20;
const MAX_OFFSET = 10000;

function offsetOf(query) {
  return /^\d+$/.test(query.offset ?? '') ? Math.min(MAX_OFFSET, Number(query.offset)) : 0;
}

// Where a hit leads: the record's page; a city to its proposals, and any organisation to the
// organisations page for admins; nowhere for the others (they have no page of their own).
function linkOf(hit, kinds) {
  if (hit.kind === 'proposal') return `#/proposals/${hit.id}`;
  if (hit.kind === 'grant') return `#/grants/${hit.id}`;
  if (hit.kind === 'call') return `#/calls/${hit.id}`;
  if (hasRole('admin')) return '#/admin/organisations';
  if (kinds.get(hit.id) === 'city') return `#/proposals?city=${hit.id}`;
  return null;
}

function snippet(pieces) {
  return h('p', { class: 'snippet' }, pieces.map((p) => (p.mark ? h('mark', { text: p.text }) : p.text)));
}

function hitItem(hit, kinds) {
  const name = hit.reference ? `${hit.reference} · ${hit.title}` : hit.title;
  const href = linkOf(hit, kinds);
  return h('li', { class: 'hit', dataset: { kind: hit.kind, id: hit.id } },
    href ? h('a', { href, text: name }) : h('strong', { text: name }),
    hit.snippet.length ? snippet(hit.snippet) : null);
}

function groups(items, kinds) {
  const order = [];
  const byKind = new Map();
  for (const hit of items) {
    if (!byKind.has(hit.kind)) { byKind.set(hit.kind, []); order.push(hit.kind); }
    byKind.get(hit.kind).push(hit);
  }
  return order.map((kind) => {
    const id = `search-kind-${kind}`;
    return h('section', { class: 'hits', 'aria-labelledby': id },
      h('h2', { id, text: t(`search.kind.${kind}`) }),
      h('ol', {}, byKind.get(kind).map((hit) => hitItem(hit, kinds))));
  });
}

function pager(q, offset, page) {
  const prev = offset > 0 ? h('a', { class: 'button', href: `#/search?${new URLSearchParams({ q, offset: String(Math.max(0, offset - PAGE_SIZE)) })}`, text: t('common.previous') }) : null;
  const next = page.next ? h('a', { class: 'button', href: `#/search?${new URLSearchParams({ q, offset: page.next })}`, text: t('common.next') }) : null;
  return prev || next ? h('nav', { class: 'pager', 'aria-label': t('search.pages') }, prev, next) : null;
}

// The kind of each organisation, for the links of organisation hits (every reader sees them).
async function organisationKinds(items) {
  if (!items.some((hit) => hit.kind === 'organisation')) return new Map();
  const orgs = await get('/organisations');
  return new Map(orgs.items.map((o) => [o.id, o.kind]));
}

export async function searchView(ctx) {
  const q = (ctx.query.q ?? '').trim();
  const offset = offsetOf(ctx.query);
  ctx.setTitle(q ? t('search.results_for', { q }) : t('search.title'));
  const heading = h('h1', { text: q ? t('search.results_for', { q }) : t('search.title') });
  if (!q) return h('section', { class: 'page search-page' }, heading, h('p', { text: t('search.empty_query') }));
  let page;
  let kinds;
  try {
    page = await get(withQuery('/search', { q, limit: PAGE_SIZE, offset }));
    kinds = await organisationKinds(page.items);
  } catch (err) {
    if (err.status === 401) throw err;
    return h('section', { class: 'page search-page' }, heading, problemNotice(err));
  }
  return h('section', { class: 'page search-page' }, heading,
    h('p', { class: 'list-total', role: 'status', dataset: { total: page.total } },
      page.total ? t('search.count', { count: number(page.total) }) : t('search.none', { q })),
    groups(page.items, kinds),
    pager(q, offset, page));
}
