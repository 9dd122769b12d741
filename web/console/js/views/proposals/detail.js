// #/proposals/:id: a proposal's record page for everyone who may see it: what it is and where it
// stands, the notices its state calls for, one button per action, the current version's content,
// the English translation, the files, every version, the fund manager's panels, the review
// panels, the thread of messages and the timeline. A reviewer who has not declared sees the title
// page only.

import { get } from '../../api.js';
import { h } from '../../dom.js';
import { date, dateTime, money, t } from '../../i18n.js';
import { hasRole, orgId } from '../../session.js';
import { actionBar } from '../../components/actions.js';
import { indicatorCatalog } from '../../components/indicators.js';
import { printable, printButton } from '../../components/print.js';
import { problemNotice } from '../../components/problem.js';
import { timelineList } from '../../components/timeline.js';
import { facts, link, notice, pageHeader, section, stateBadge } from '../../components/ui.js';
import { reviewPanels } from '../reviews/panels.js';
import { threadPanel } from '../threads/thread_panel.js';
import { attachmentTable } from './attachments.js';
import { allCalls, editableIn, languageName, organisationNames } from './common.js';
import { versionContent } from './content.js';
import { fundPanels } from './fund_panels.js';
import { heldNotes } from './held.js';
import { stateNotices } from './notices.js';

async function mayEdit(p) {
  return hasRole('applicant') && p.city_org_id === orgId() && await editableIn(p.state);
}

function summaryFacts(p, call, names) {
  const v = p.current;
  return facts([
    [t('proposals.field.reference'), h('span', { class: 'proposal-ref', text: p.reference })],
    [t('proposals.field.city'), names.get(p.city_org_id) ?? `#${p.city_org_id}`],
    [t('proposals.field.call'), call ? `${call.code} · ${call.title}` : `#${p.call_id}`],
    [t('proposals.field.state'), stateBadge('proposal', p.state)],
    [t('proposals.field.amount'), h('span', { class: 'amount-requested', text: money(v.amount) })],
    p.award ? [t('proposals.field.award'), h('strong', { class: 'amount-award', text: money(p.award) })] : null,
    p.supporting_org_id ? [t('proposals.field.supporting_partner'), names.get(p.supporting_org_id) ?? `#${p.supporting_org_id}`] : null,
    [t('proposals.field.language'), languageName(v.language)],
    [t('proposals.field.created'), h('time', { datetime: p.created_at, text: dateTime(p.created_at) })],
    [t('proposals.field.updated'), h('time', { datetime: p.updated_at, text: dateTime(p.updated_at) })],
  ]);
}

// Every version, newest first, each readable in a disclosure; frozen ones say so.
function versionsPanel(versions, current, framework) {
  const items = [...versions].reverse();
  return section(t('proposals.versions.title'),
    h('p', { class: 'hint', text: t('proposals.versions.hint') }),
    h('ul', { class: 'versions' }, items.map((v) => h('li', { class: 'version', dataset: { number: v.number, frozen: v.frozen } },
      h('details', { open: false },
        h('summary', {},
          h('strong', { text: t('proposals.versions.label', { n: v.number }) }), ' · ',
          t(`proposals.stage.${v.stage}`), ' · ', date(v.created_at), ' · ', money(v.amount), ' · ',
          h('span', { class: v.frozen ? 'frozen' : 'live', text: v.number === current ? t(v.frozen ? 'proposals.versions.current_frozen' : 'proposals.versions.current_draft') : t('proposals.versions.frozen') })),
        h('div', { class: 'version-body' }, h('p', { class: 'version-title', lang: v.language, text: v.title }), versionContent(v, { headingLevel: 'h4', ...framework })))))));
}

// A reviewer who has not declared: the title page, and where to declare.
async function restrictedNote(p) {
  const page = await get(`/proposals/${p.id}/assignments`).catch(() => ({ items: [] }));
  const mine = (page.items ?? []).find((a) => a.partner_org_id === orgId());
  return h('div', { class: 'notice info restricted', dataset: { fullAccess: 'false' } },
    h('h2', { text: t('proposals.restricted.title') }),
    h('p', { text: t('proposals.restricted.body') }),
    mine ? h('p', {}, t('proposals.restricted.where'), ' ', link(`/assignments/${mine.id}`, t('proposals.restricted.open'), { class: 'assignment-link' })) : null,
    h('p', {}, link('/reviews', t('proposals.restricted.queue'))));
}

export async function detailView(ctx) {
  const id = ctx.params.id;
  const p = await get(`/proposals/${id}`);
  const title = p.current.title || t('proposals.untitled');
  ctx.setTitle(`${p.reference} · ${title}`);
  const full = p.full_access !== false;
  const [calls, names, timeline, versions, files, reviews, fund, catalog, thread] = await Promise.all([
    allCalls().catch(() => []),
    organisationNames(),
    get(`/proposals/${id}/timeline`),
    full ? get(`/proposals/${id}/versions`) : null,
    full ? get(`/proposals/${id}/attachments`) : null,
    reviewPanels(p, ctx).catch((err) => { if (err?.status === 401) throw err; return [problemNotice(err)]; }),
    // The fund manager's forms (supporting partner, translation) are tools, not the record: not on paper.
    hasRole('fund_manager') ? fundPanels(p, ctx).then((nodes) => nodes.map((n) => { n.classList.add('no-print'); return n; })) : [],
    full ? indicatorCatalog().catch(() => null) : null,
    full ? threadPanel('proposal', p.id) : null,
  ]);
  const call = calls.find((c) => c.id === p.call_id);
  const framework = { catalog, periods: call?.periods };
  const editHref = await mayEdit(p) ? `#/proposals/${p.id}/edit` : null;
  const reload = () => ctx.reload();
  const v = p.current;

  const header = pageHeader(title, editHref ? h('a', { class: 'button edit-link', href: editHref, text: t('common.edit') }) : null, printButton());
  header.querySelector('h1').lang = v.language;
  return printable(h('section', { class: 'page proposal-page', dataset: { state: p.state, id: p.id } },
    header,
    h('p', { class: 'lead record-line' }, h('span', { class: 'proposal-ref', text: p.reference }), ' · ', names.get(p.city_org_id) ?? '', ' ', stateBadge('proposal', p.state)),
    stateNotices(p, timeline.items ?? [], { editHref }),
    full ? null : await restrictedNote(p),
    h('div', { class: 'record-actions' }, actionBar('proposal', p, { onDone: reload, onStale: reload })),
    heldNotes(p),
    section(t('proposals.detail.summary'), summaryFacts(p, call, names)),
    full ? section(t('proposals.detail.content', { n: v.number }), versionContent(v, framework)) : null,
    full && v.translation_en ? section(t('proposals.translation.title'),
      h('div', { class: 'summary-text translation-text', lang: 'en' }, v.translation_en.split(/\n\s*\n/).map((para) => h('p', { text: para })))) : null,
    full && v.language !== 'en' && !v.translation_en && hasRole('fund_manager', 'partner') ? notice(t('proposals.translation.missing'), 'info') : null,
    full ? section(t('proposals.files.title'), attachmentTable(files.items ?? [])) : null,
    full ? versionsPanel(versions.items ?? [], v.number, framework) : null,
    fund,
    reviews,
    thread,
    section(t('timeline.title'), timelineList(timeline.items ?? []))), { reference: p.reference, title });
}
