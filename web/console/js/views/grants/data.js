// What the grants pages share: the organisations directory (fetched once), sums of money in
// minor units, and the dates of tranche steps read from a timeline.

import { getAll } from '../../api.js';
import { moneyOf, t } from '../../i18n.js';

let organisations;

// Organisations by id ({id, kind, name, ...}), fetched once per page load; fetched again when
// asked for an id it does not know yet (an organisation added since).
export async function organisationsById(mustHave = []) {
  const load = () => getAll('/organisations').then((items) => new Map(items.map((o) => [o.id, o])));
  organisations ??= load();
  let map;
  try {
    map = await organisations;
  } catch (e) {
    organisations = undefined;
    throw e;
  }
  if (mustHave.some((id) => id !== null && id !== undefined && !map.has(id))) {
    organisations = load();
    map = await organisations;
  }
  return map;
}

export function orgName(orgs, id) {
  return orgs.get(id)?.name ?? t('grants.org_unknown', { id });
}

// The fund's own organisation (kind "fund"), for naming who approved or disbursed.
export function fundOrg(orgs) {
  return [...orgs.values()].find((o) => o.kind === 'fund');
}

// Σ of the amounts of `rows` (each {amount: {amount_minor, currency}}) as Money, in integers.
export function sumMoney(rows, pick = (r) => r.amount, currency = 'USD') {
  let minor = 0;
  let cur = currency;
  for (const r of rows) {
    const m = pick(r);
    if (!m) continue;
    minor += m.amount_minor;
    cur = m.currency;
  }
  return { amount_minor: minor, currency: cur, formatted: moneyOf(minor, cur) };
}

export function disbursedOf(tranches, currency) {
  return sumMoney(tranches.filter((tr) => tr.state === 'disbursed'), undefined, currency);
}

// When each step of a tranche last happened ({request, verify, approve, disburse} -> ISO time),
// from the grant's timeline items.
export function trancheStepTimes(items, trancheId) {
  const times = {};
  for (const item of items) {
    if (item.entity === 'tranche' && item.entity_id === trancheId) times[item.event] = item.at;
  }
  return times;
}

// Whether a report counts as overdue, as the server judges it: still a draft past its due date.
export function isOverdue(report, now = Date.now()) {
  return report.state === 'draft' && Date.parse(report.due_at) < now;
}

// Runs `fn` over `items` with at most `limit` at a time; answers the results in order.
export async function mapLimited(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next;
      next += 1;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

// A report named for headings and cells ("Progress report 1") and inside a sentence
// ("progress report 1").
export function reportName(report) {
  return t(`grants.report.name.${report.kind}`, { seq: report.seq });
}
export function reportInline(report) {
  return t(`grants.report.inline.${report.kind}`, { seq: report.seq });
}

// Marks a table (ui.js table()) to be shown as one card per row on a phone (grants.css).
export function stackOnPhone(node) {
  if (node.classList.contains('table-wrap')) node.classList.add('stack-on-phone');
  return node;
}
