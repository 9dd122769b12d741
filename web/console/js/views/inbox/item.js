// One item of the inbox: a link to its record with the step expected of the reader, since when it
// waits and when it is due, who a four-eyes rule is about, what holds a step back, and what an
// admin's or an auditor's item says beside its record.

import { h } from '../../dom.js';
import { date, dateTime, has, language, number, t } from '../../i18n.js';
import { eventLabel } from '../../components/actions.js';
import { stateBadge } from '../../components/ui.js';

const DAY = 24 * 60 * 60 * 1000;

// Where the record is shown: its own page (an amendment's too), its grant's for a tranche (the schedule), the admin's
// users page for an account, the verification page for the chain, the outbox's failed messages
// for mail.
export function recordHref(record) {
  switch (record.kind) {
    case 'proposal': return `#/proposals/${record.id}`;
    case 'review_assignment': return `#/assignments/${record.id}`;
    case 'grant': return `#/grants/${record.id}`;
    case 'tranche': return `#/grants/${record.grant_id}`;
    case 'report': return `#/reports/${record.id}`;
    case 'amendment': return `#/amendments/${record.id}`;
    case 'user': return `#/admin/users/${record.id}`;
    case 'audit_chain': return '#/audit/verify';
    case 'mail': return '#/admin/outbox?status=failed';
    default: return null;
  }
}

export function kindLabel(kind) {
  return has(`inbox.kind.${kind}`) ? t(`inbox.kind.${kind}`) : kind;
}

// Whole days from `since` to `now` (ISO times), never negative.
export function daysBetween(since, now) {
  return Math.max(0, Math.floor((Date.parse(now) - Date.parse(since)) / DAY));
}

// "3 days ago", "il y a 3 jours", "hace 3 días", "há 3 dias"; "today" for less than a day.
function ago(days) {
  return new Intl.RelativeTimeFormat(language(), { numeric: 'auto' }).format(-days, 'day');
}

// What the reader is asked to do: the expected steps' own labels, else what the kind means.
function actionText(item) {
  if (item.expected.length && item.record.kind !== 'audit_chain') {
    return item.expected.map((e) => eventLabel(item.record.kind, e)).join(' · ');
  }
  if (has(`inbox.action.${item.kind}`)) return t(`inbox.action.${item.kind}`);
  if (item.held.some((x) => x.four_eyes)) return t('inbox.action.four_eyes');
  return kindLabel(item.kind);
}

function heldText(machine, held) {
  const key = `inbox.guard.${held.guard}`;
  return `${eventLabel(machine, held.event)}: ${has(key) ? t(key) : held.message}`;
}

function person(p, me) {
  const name = p.user_id === me ? t('inbox.you', { name: p.name }) : p.name;
  return t(`inbox.people.${p.role}`, { name });
}

function detailLines(item) {
  const d = item.detail ?? {};
  const out = [];
  if (d.report_kind) out.push(t(`grants.report_kind.${d.report_kind}`));
  if (item.kind === 'user.locked') {
    out.push(t(`inbox.locked.${d.cause}`, { until: dateTime(d.locked_until) }));
    if (d.organisation) out.push(d.organisation);
  }
  if (item.kind === 'user.second_factor_reset' && d.organisation) out.push(d.organisation);
  if (item.kind === 'mail.failed') {
    out.push(d.next_attempt_at
      ? t('inbox.mail.failed', { attempts: number(d.attempts ?? 0), next: dateTime(d.next_attempt_at) })
      : t('inbox.mail.dead', { attempts: number(d.attempts ?? 0) }));
    if (d.last_error) out.push(h('code', { text: d.last_error }));
  }
  if (item.kind === 'audit.verification') {
    out.push(t('inbox.audit.none_recorded'));
    out.push(t('inbox.audit.events', { count: number(d.events ?? 0), last: dateTime(d.last_event_at) }));
  }
  return out;
}

// The <li> of one item. `now` is the inbox's reading time; `me` the reader's user id.
export function inboxItem(item, now, me) {
  const href = recordHref(item.record);
  const r = item.record;
  const body = [
    h('span', { class: 'inbox-action', text: actionText(item) }),
    h('span', { class: 'inbox-record' },
      r.reference ? h('span', { class: 'inbox-ref', text: r.reference }) : null,
      r.title ? h('span', { class: 'inbox-title', text: r.title }) : null,
      r.city ? h('span', { class: 'inbox-city', text: r.city.name }) : null),
  ];
  const days = daysBetween(item.since, now);
  const when = [h('span', { class: 'inbox-kind', text: kindLabel(item.kind) }),
    h('span', { class: 'inbox-since', dataset: { days }, text: t('inbox.since', { date: date(item.since), ago: ago(days) }) })];
  if (item.due_at) {
    when.push(h('span', { class: ['inbox-due', item.overdue ? 'overdue' : null], text: t(item.overdue ? 'inbox.overdue' : 'inbox.due', { date: date(item.due_at) }) }));
  }
  return h('li', { class: ['inbox-item', item.overdue ? 'is-overdue' : null], dataset: { kind: item.kind, record: `${r.kind}:${r.id}` } },
    href ? h('a', { class: 'inbox-link', href }, body) : h('div', { class: 'inbox-link' }, body),
    h('p', { class: 'inbox-meta' }, when, r.kind !== 'audit_chain' && r.kind !== 'mail' && r.kind !== 'user' ? stateBadge(r.kind, r.state) : null),
    item.people.length ? h('p', { class: 'inbox-people', text: item.people.map((p) => person(p, me)).join(' · ') }) : null,
    item.held.length ? h('ul', { class: 'inbox-held' }, item.held.map((x) => h('li', { class: x.four_eyes ? 'four-eyes' : null, text: heldText(r.kind, x) }))) : null,
    detailLines(item).map((line) => h('p', { class: 'inbox-detail' }, line)));
}
