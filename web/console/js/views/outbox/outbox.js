// #/admin/outbox: every message the fund's steps wrote to the outbox (GET /outbox), newest
// first, filtered by status and paged by offset, all kept in the hash. Without an SMTP relay
// (the demo) every message stays queued, so this is where an admin sees what would go out; with
// one, it shows what was sent and what the relay refused; a dead message (refused for good, or
// too old) is sent again or discarded from here (POST /outbox/{id}/requeue, /discard).

import { get, post, withQuery } from '../../api.js';
import { h } from '../../dom.js';
import { dateTime, label, number, t } from '../../i18n.js';
import { href } from '../../router.js';
import { hasRole } from '../../session.js';
import { explain as problemText, problemNotice } from '../../components/problem.js';
import { pageHeader, table, toast } from '../../components/ui.js';
import { forbiddenPage, LANGUAGE_NAMES } from '../admin/common.js';

export const STATUSES = ['queued', 'sent', 'failed', 'dead', 'discarded'];
const PAGE_SIZE = 50;

// The status and offset of the hash; anything else reads as "all" and the first page.
function readQuery(query) {
  return {
    status: STATUSES.includes(query.status) ? query.status : '',
    offset: /^\d+$/.test(query.offset ?? '') ? Number(query.offset) : 0,
  };
}

function when(value) {
  return value ? h('time', { datetime: value, text: dateTime(value) }) : h('span', { class: 'muted', text: '—' });
}

function statusBadge(status) {
  return h('span', { class: ['badge', `mail-${status}`], dataset: { status }, text: t(`outbox.status.${status}`) });
}

// The status filter: one choice per status with its count in the whole outbox.
function filterForm(ctx, q, counts) {
  const all = Object.values(counts ?? {}).reduce((a, b) => a + b, 0);
  const options = [{ value: '', text: t('outbox.filter.all', { count: number(all) }) },
    ...STATUSES.map((s) => ({ value: s, text: t(`outbox.filter.${s}`, { count: number(counts?.[s] ?? 0) }) }))];
  const form = h('form', { class: 'filters outbox-filters', role: 'search', 'aria-label': t('outbox.filter.label') },
    h('div', { class: 'field' }, h('label', { for: 'outbox-status', text: t('outbox.filter.status') }),
      h('select', { id: 'outbox-status', name: 'status' },
        options.map((o) => h('option', { value: o.value, selected: o.value === q.status }, o.text)))),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', text: t('common.filter') })));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.go('/admin/outbox', { status: String(new FormData(form).get('status') ?? '') });
  });
  return form;
}

function pager(q, page) {
  const at = (offset) => href('/admin/outbox', { status: q.status, offset: offset > 0 ? offset : undefined });
  const links = [];
  if (q.offset > 0) links.push(h('a', { class: 'button', rel: 'prev', href: at(Math.max(0, q.offset - PAGE_SIZE)) }, t('common.previous')));
  if (page.next) links.push(h('a', { class: 'button', rel: 'next', href: at(Number(page.next)) }, t('common.next')));
  return links.length ? h('nav', { class: 'pager buttons', 'aria-label': t('outbox.pages') }, links) : null;
}

// What an admin may do with a message: send a dead one again, discard one not yet sent.
function actionsCell(ctx, m) {
  const act = (action, done) => async (e) => {
    e.currentTarget.disabled = true;
    try {
      await post(`/outbox/${m.id}/${action}`);
      toast(t(done, { to: m.to_email }), { page: window.location.hash });
      ctx.reload();
    } catch (err) {
      if (err.status === 401) throw err;
      toast(problemText(err));
      ctx.reload();
    }
  };
  const buttons = [];
  if (m.status === 'dead') {
    buttons.push(h('button', { type: 'button', class: 'requeue', dataset: { id: m.id }, on: { click: act('requeue', 'outbox.requeued') } }, t('outbox.action.requeue')));
  }
  if (['dead', 'failed', 'queued'].includes(m.status)) {
    buttons.push(h('button', { type: 'button', class: 'discard', dataset: { id: m.id }, on: { click: act('discard', 'outbox.discarded') } }, t('outbox.action.discard')));
  }
  return buttons.length ? h('span', { class: 'buttons' }, buttons) : h('span', { class: 'muted', text: '—' });
}

function rows(ctx, items) {
  return table(t('outbox.caption'), [
    { label: t('outbox.col.created'), cell: (m) => when(m.created_at) },
    { label: t('outbox.col.to'), cell: (m) => h('span', { class: 'mail-to', text: m.to_email }) },
    { label: t('outbox.col.language'), cell: (m) => h('span', { lang: m.language, text: LANGUAGE_NAMES[m.language] ?? m.language }) },
    { label: t('outbox.col.template'), cell: (m) => label('outbox.template', m.template) },
    { label: t('outbox.col.subject'), cell: (m) => h('span', { class: 'mail-subject', lang: m.language, text: m.subject }) },
    { label: t('outbox.col.status'), cell: (m) => statusBadge(m.status) },
    { label: t('outbox.col.sent'), cell: (m) => (m.sent_at ? when(m.sent_at)
      : m.next_attempt_at ? h('span', { class: 'muted' }, t('outbox.next_attempt'), ' ', when(m.next_attempt_at)) : when(null)) },
    { label: t('outbox.col.attempts'), class: 'num', cell: (m) => number(m.attempts) },
    { label: t('outbox.col.error'), cell: (m) => (m.last_error ? h('span', { class: 'mail-error', text: m.last_error }) : h('span', { class: 'muted', text: '—' })) },
    { label: t('outbox.col.actions'), cell: (m) => actionsCell(ctx, m) },
  ], items, { empty: t('outbox.empty') });
}

export async function outboxView(ctx) {
  ctx.setTitle(t('outbox.title'));
  if (!hasRole('admin')) return forbiddenPage(t('outbox.title'));
  const q = readQuery(ctx.query);
  const header = pageHeader(t('outbox.title'));
  const intro = h('p', { class: 'lead', text: t('outbox.lead') });
  let page;
  try {
    page = await get(withQuery('/outbox', { status: q.status, limit: PAGE_SIZE, offset: q.offset || undefined }));
  } catch (err) {
    if (err.status === 401) throw err;
    return h('section', { class: 'page outbox' }, header, intro, filterForm(ctx, q, null), problemNotice(err));
  }
  const first = page.items.length ? q.offset + 1 : 0;
  return h('section', { class: 'page outbox', dataset: { status: q.status || 'all' } }, header, intro,
    filterForm(ctx, q, page.counts),
    page.counts.queued > 0 && page.counts.sent === 0 ? h('p', { class: 'notice info', text: t('outbox.no_relay') }) : null,
    h('p', { class: 'list-total', role: 'status', dataset: { total: page.total } },
      t('outbox.total', { from: number(first), to: number(q.offset + page.items.length), total: number(page.total) })),
    rows(ctx, page.items),
    pager(q, page));
}
