// The start page is the reader's inbox (GET /inbox): what waits for them now, counted per kind,
// most urgent first, each item a link to its record with the step expected of them; ?kind= keeps
// one kind. Below it, the reader's pages as cards.

import { get, withQuery } from '../../api.js';
import { h, uid } from '../../dom.js';
import { label, number, t } from '../../i18n.js';
import { currentUser } from '../../session.js';
import { pageCards } from '../core/home.js';
import { inboxItem, kindLabel } from './item.js';

const LIMIT = 200;

function countsList(counts, selected) {
  const all = counts.reduce((n, c) => n + c.count, 0);
  const entry = (href, text, count, current, kind) => h('li', {},
    h('a', { href, class: 'inbox-count', 'aria-current': current ? 'true' : undefined, dataset: { kind: kind ?? 'all', count } },
      h('span', { class: 'count', text: number(count) }), h('span', { class: 'what', text })));
  return h('ul', { class: 'inbox-counts', 'aria-label': t('inbox.counts') },
    entry('#/', t('inbox.all'), all, !selected),
    counts.map((c) => entry(`#/?kind=${encodeURIComponent(c.kind)}`, kindLabel(c.kind), c.count, selected === c.kind, c.kind)));
}

export async function inboxHomeView(ctx, entries) {
  const user = currentUser();
  ctx.setTitle(t('home.title'));
  const inbox = await get(withQuery('/inbox', { kind: ctx.query.kind, limit: LIMIT }));
  const selected = inbox.counts.some((c) => c.kind === ctx.query.kind) ? ctx.query.kind : undefined;
  const headingId = uid('inbox');
  const shown = inbox.items.length;
  return h('section', { class: 'page inbox-home' },
    h('h1', { text: t('home.greeting', { name: user.name }) }),
    h('p', { class: 'lead', text: t('home.roles', { org: user.organisation?.name ?? '', roles: user.roles.map((r) => label('role', r)).join(', ') }) }),
    h('section', { class: 'inbox', 'aria-labelledby': headingId },
      h('h2', { id: headingId, text: t('inbox.heading') }),
      inbox.counts.length ? countsList(inbox.counts, selected) : null,
      shown ? h('ol', { class: 'inbox-items', 'aria-label': selected ? kindLabel(selected) : t('inbox.heading') },
        inbox.items.map((item) => inboxItem(item, inbox.now, user.id)))
        : h('p', { class: 'empty inbox-empty', text: t('inbox.empty') }),
      inbox.total > shown ? h('p', { class: 'hint', text: t('inbox.more', { shown: number(shown), total: number(inbox.total) }) }) : null),
    pageCards(entries, user));
}
