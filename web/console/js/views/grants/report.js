// #/reports/:id: one report of a grant: kind, due date, state; the reason given when the
// supporting partner asked for changes; the applicant's editor while it is a draft (narrative,
// spending per budget line, actuals against the period's targets, attachments), else what it
// says; its buttons (submit, accept, request changes) and its own events from the grant's
// timeline.

import { get, getAll } from '../../api.js';
import { h } from '../../dom.js';
import { dateTime, label, money, t } from '../../i18n.js';
import { currentUser, hasRole } from '../../session.js';
import { actionBar, eventLabel, openActionDialog } from '../../components/actions.js';
import { indicatorCatalog } from '../../components/indicators.js';
import { timelineList } from '../../components/timeline.js';
import { workflows } from '../../components/workflows.js';
import { facts, link, pageHeader, section, stateBadge, table } from '../../components/ui.js';
import { actorText, personOf } from '../../components/people.js';
import { organisationsById, orgName, reportName } from './data.js';
import { attachmentsBlock, reportForm } from './report_form.js';
import { dueCell } from './reports_panel.js';
import { reportResultsView } from './report_results_view.js';

function parse(detail) {
  try { return typeof detail === 'string' ? JSON.parse(detail || '{}') : (detail ?? {}); } catch { return {}; }
}

// The partner's request for changes, when it is what sent the report back to draft.
function changesRequested(report, events) {
  const last = [...events].reverse().find((e) => ['submit', 'accept', 'request_changes'].includes(e.event));
  if (report.state !== 'draft' || last?.event !== 'request_changes') return null;
  const reason = parse(last.detail).reason;
  return h('section', { class: 'notice warn changes-requested', role: 'region', 'aria-labelledby': 'changes-requested-title' },
    h('h2', { id: 'changes-requested-title', text: t('grants.reportpage.changes_title') }),
    h('p', { text: t('grants.reportpage.changes_by', { who: actorText(last.actor, { you: true }), when: dateTime(last.at) }) }),
    reason ? h('blockquote', { class: 'reason', text: reason }) : null,
    h('p', { text: t('grants.reportpage.changes_next') }));
}

async function budgetLines(grant) {
  try {
    return (await get(`/proposals/${grant.proposal_id}`)).current?.budget ?? [];
  } catch {
    return [];
  }
}

function spendingTable(report, lines) {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const currency = lines[0]?.amount?.currency ?? 'USD';
  const columns = [
    { label: t('grants.budget.col.description'), cell: (s) => {
      const line = byId.get(s.budget_line_id);
      return line ? `${label('grants.category', line.category)}: ${line.description}` : t('grants.reportpage.line_id', { id: s.budget_line_id });
    } },
    { label: t('grants.budget.col.planned'), class: 'num', cell: (s) => money(byId.get(s.budget_line_id)?.amount) },
    { label: t('grants.budget.col.actual'), class: 'num', cell: (s) => money({ amount_minor: s.actual_minor, currency }) },
  ];
  return table(t('grants.reportpage.spending_caption'), columns, report.spending ?? [], { empty: t('grants.reportpage.no_spending') });
}

export async function reportView(ctx) {
  const id = Number(ctx.params.id);
  const report = await get(`/reports/${id}`);
  const [grant, items] = await Promise.all([get(`/grants/${report.grant_id}`), getAll(`/grants/${report.grant_id}/timeline`)]);
  const hasResults = report.period !== null && report.period !== undefined;
  const [orgs, lines, catalog] = await Promise.all([
    organisationsById([grant.city_org_id, grant.supporting_org_id]),
    report.kind === 'financial' ? budgetLines(grant) : [],
    hasResults ? indicatorCatalog() : null,
  ]);
  const events = items.filter((e) => e.entity === 'report' && e.entity_id === id);
  const city = orgName(orgs, grant.city_org_id);
  const name = reportName(report);
  ctx.setTitle(`${name} · ${grant.reference}`);
  const reload = () => ctx.reload();
  const editable = (await workflows()).report.editable.includes(report.state) && hasRole('applicant') && currentUser()?.organisation?.id === grant.city_org_id;

  const about = section(t('grants.reportpage.about'), facts([
    [t('grants.reportpage.grant'), link(`/grants/${grant.id}`, grant.reference)],
    [t('grants.col.city'), city],
    [t('grants.report.col.kind'), label('grants.report_kind', report.kind)],
    [t('grants.report.col.due'), dueCell(report)],
    [t('grants.col.state'), stateBadge('report', report.state)],
    report.submitted_at && [t('grants.reportpage.submitted'), t('grants.reportpage.by_at', { who: personOf(report, 'submitted_by'), when: dateTime(report.submitted_at) })],
    report.accepted_at && [t('grants.reportpage.accepted'), t('grants.reportpage.by_at', { who: personOf(report, 'accepted_by'), when: dateTime(report.accepted_at) })],
  ]));

  const attachments = events.filter((e) => e.event === 'attach').map((e) => parse(e.detail))
    .filter((d) => d.attachment_id).map((d) => ({ id: d.attachment_id, filename: d.filename ?? `#${d.attachment_id}` }));
  const currency = grant.amount.currency;

  let content;
  let editor;
  if (editable) {
    editor = reportForm(report, { lines, catalog, currency, attachments, onStale: reload, onSaved: reload });
    content = section(t('grants.reportpage.write'), h('p', { class: 'hint', text: t('grants.reportpage.write_hint') }), editor.node);
  } else {
    content = section(t('grants.reportpage.content'),
      report.narrative ? h('div', { class: 'narrative', text: report.narrative }) : h('p', { class: 'empty', text: t('grants.reportpage.no_narrative') }),
      report.kind === 'financial' ? spendingTable(report, lines) : null,
      hasResults ? [h('h3', { text: t('grants.results.title', { period: report.period }) }),
        reportResultsView(report, { catalog, currency, attachments })] : null);
  }

  const files = section(t('grants.attach.title'), attachmentsBlock(id, attachments, { canUpload: editable, onAdded: (a) => editor?.addFile(a) }));

  const buttons = [];
  if (editable && report.actions.includes('submit')) {
    buttons.push(h('button', { type: 'button', class: 'primary action event-submit', dataset: { event: 'submit' },
      on: { click: async () => {
        if (editor.dirty() && !(await editor.save())) return;
        const updated = await openActionDialog('report', report, 'submit', { onStale: reload });
        if (updated) reload();
      } } }, eventLabel('report', 'submit')));
  }
  const others = report.actions.filter((e) => !(editable && e === 'submit'));
  const actions = section(t('grants.reportpage.actions'),
    editable && !report.actions.includes('submit') ? h('p', { class: 'notice info', text: t(`grants.reportpage.incomplete.${report.kind === 'financial' ? 'financial' : 'other'}`) }) : null,
    buttons.length ? h('div', { class: 'actions' }, buttons) : null,
    others.length || (!buttons.length && !editable) ? actionBar('report', report, { onDone: reload, onStale: reload, hide: editable ? ['submit'] : [] }) : null);

  return h('section', { class: 'page report-page', dataset: { report: String(report.id) } },
    pageHeader(t('grants.reportpage.title', { report: name, ref: grant.reference }), stateBadge('report', report.state)),
    changesRequested(report, events),
    about, content, files, actions,
    section(t('timeline.title'), timelineList(events)));
}
