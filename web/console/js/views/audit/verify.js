// #/audit/verify: asks the server to recompute the audit hash chain (GET /audit/verify) and says
// in words whether it holds — how many events were checked and the head of the chain — or which
// event is the first that does not match.

import { get } from '../../api.js';
import { h } from '../../dom.js';
import { dateTime, number, t } from '../../i18n.js';
import { facts, link, pageHeader, section } from '../../components/ui.js';
import { hasRole } from '../../session.js';
import { headEvent } from './fetch.js';
import { auditForbidden } from './log.js';
import { actorText, eventText, recordName, timeNode } from './present.js';

function verdict(result, head) {
  if (result.ok) {
    return h('div', { class: 'verdict ok', role: 'status', dataset: { ok: 'true', rows: result.rows } },
      h('p', { class: 'verdict-title', text: t('audit.verify.holds') }),
      h('p', { text: t('audit.verify.holds_detail', { count: number(result.rows), seq: head ? head.seq : '—' }) }));
  }
  return h('div', { class: 'verdict bad', role: 'alert', dataset: { ok: 'false', rows: result.rows } },
    h('p', { class: 'verdict-title', text: t('audit.verify.broken') }),
    h('p', { text: t('audit.verify.broken_detail', { seq: result.bad_seq ?? '—', count: number(result.rows) }) }),
    result.reason ? h('p', {}, h('span', { text: `${t('audit.verify.reason')} ` }), h('q', { text: result.reason })) : null,
    result.bad_seq ? h('p', {}, h('a', { href: `#/audit?before=${result.bad_seq + 1}`, text: t('audit.verify.see_bad') })) : null);
}

export async function verifyView(ctx) {
  ctx.setTitle(t('audit.verify.title'));
  if (!hasRole('auditor', 'fund_manager')) return auditForbidden(t('audit.verify.title'));
  const checkedAt = new Date();
  const [result, head] = await Promise.all([get('/audit/verify'), headEvent()]);
  return h('section', { class: 'page audit-verify' },
    h('p', { class: 'crumbs' }, link('/audit', t('audit.log.title'))),
    pageHeader(t('audit.verify.title'), h('button', { type: 'button', class: 'primary', text: t('audit.verify.again'), on: { click: () => ctx.reload() } })),
    h('p', { class: 'lead', text: t('audit.verify.lead') }),
    verdict(result, head),
    section(t('audit.verify.facts'), facts([
      [t('audit.verify.checked'), number(result.rows)],
      [t('audit.verify.when'), dateTime(checkedAt)],
      head ? [t('audit.verify.head'), h('span', {}, `#${head.seq} · `, timeNode(head.at), ' · ',
        t('audit.verify.head_event', { event: eventText(head.entity, head.event), record: recordName(head), actor: actorText(head) }))] : null,
      head ? [t('audit.verify.head_hash'), h('code', { class: 'full-hash head-hash', text: head.hash })] : null,
      result.ok ? null : [t('audit.verify.bad_row'), result.bad_id ? `#${result.bad_seq} (${t('audit.verify.row_id', { id: result.bad_id })})` : String(result.bad_seq ?? '—')],
    ])),
    h('p', { class: 'hint', text: t('audit.verify.how') }));
}
