// #/proposals/new and #/proposals/:id/edit: the guided form of a city's applicant (a full
// proposal also states its results framework: targets per indicator and period). A new draft is
// POSTed to /proposals (a two-stage call starts with a concept note), later saves PUT the content
// with If-Match; "save and submit" saves, then fires submit_concept, submit or resubmit. Every
// refusal of the server appears next to the field it names.

import { etagOf, fire, get, post, put } from '../../api.js';
import { h, mount } from '../../dom.js';
import { date, money, t } from '../../i18n.js';
import { hasRole } from '../../session.js';
import { eventLabel } from '../../components/actions.js';
import { indicatorCatalog } from '../../components/indicators.js';
import { clearFieldErrors, showFieldErrors, showRefusal } from '../../components/problem.js';
import { facts, link, notice, pageHeader, stateBadge, toast } from '../../components/ui.js';
import { attachmentsPanel } from './attachments.js';
import { budgetEditor } from './budget_editor.js';
import { allCalls, callTakesProposals, editableIn, submitEventFrom } from './common.js';
import { contentFields, readContent } from './form_fields.js';
import { stateNotices } from './notices.js';
import { resultsStep, withFrameworkWords } from './results_step.js';

const FORM_ID = 'proposal-form';

function page(...children) {
  return h('section', { class: 'page proposal-form-page' }, children);
}

function callChoice(calls, chosen, onChange) {
  return h('fieldset', { class: 'call-choice', dataset: { field: 'call_id' } },
    h('legend', { text: t('proposals.form.call') }),
    calls.map((c) => {
      const id = `call-${c.id}`;
      const input = h('input', { type: 'radio', name: 'call_id', id, value: c.id, checked: c.id === chosen?.id, 'aria-describedby': `${id}-about` });
      input.addEventListener('change', () => onChange(c));
      return h('div', { class: 'field checkbox call-option' }, input,
        h('label', { for: id, text: `${c.code} · ${c.title}` }),
        h('p', { class: 'hint', id: `${id}-about`, text: [
          t(c.two_stage ? 'proposals.form.two_stage' : 'proposals.form.single_stage'),
          t('proposals.hint.amount_range', { min: money(c.min_award), max: money(c.max_award) }),
          t('proposals.form.closes', { date: date(c.closes_at) })].join(' ') }));
    }));
}

function stageIntro(stage) {
  return h('p', { class: 'lead stage-intro', dataset: { stage }, text: t(stage === 'concept' ? 'proposals.form.concept_intro' : 'proposals.form.full_intro') });
}

// Loads what the form needs: {record, call, calls, stage, timeline} or {refusal: Node}.
async function load(ctx) {
  const calls = await allCalls();
  if (!ctx.params.id) {
    const open = calls.filter(callTakesProposals);
    if (!open.length) return { refusal: notice(t('proposals.form.no_open_call'), 'info') };
    const chosen = open.find((c) => String(c.id) === ctx.query.call) ?? open[0];
    return { record: null, call: chosen, calls: open, stage: chosen.two_stage ? 'concept' : 'full', timeline: [] };
  }
  const record = await get(`/proposals/${ctx.params.id}`);
  if (!await editableIn(record.state)) {
    return { record, refusal: h('div', {}, notice(t('proposals.form.not_editable'), 'info'), h('p', {}, stateBadge('proposal', record.state))) };
  }
  const call = calls.find((c) => c.id === record.call_id) ?? await get(`/calls/${record.call_id}`);
  const timeline = record.state === 'draft' || record.state === 'revision_requested'
    ? (await get(`/proposals/${record.id}/timeline`)).items ?? [] : [];
  return { record, call, calls: [call], stage: record.current.stage, timeline };
}

function heading(record, stage) {
  if (!record) return t('proposals.form.title_new');
  return t(stage === 'concept' ? 'proposals.form.title_edit_concept' : 'proposals.form.title_edit', { ref: record.reference });
}

export async function formView(ctx) {
  if (!hasRole('applicant')) {
    ctx.setTitle(t('proposals.form.title_new'));
    return page(pageHeader(t('proposals.form.title_new')), notice(t('proposals.form.only_applicants'), 'info'));
  }
  const loaded = await load(ctx);
  let { record, call } = loaded;
  const { stage } = loaded;
  const title = heading(record, stage);
  ctx.setTitle(title);
  if (loaded.refusal) {
    return page(pageHeader(title), loaded.refusal,
      h('p', {}, record ? link(`/proposals/${record.id}`, t('proposals.form.back_to_record')) : link('/proposals', t('proposals.form.back_to_list'))));
  }

  const status = h('div', { class: 'form-status' });
  const content = contentFields(record?.current, call, stage);
  const budget = stage === 'full' ? budgetEditor(record?.current.budget ?? [], { amountInput: content.amountInput, currency: call.max_award.currency }) : null;
  const catalog = stage === 'full' ? await indicatorCatalog() : null;
  const framework = (c) => resultsStep({ plans: record?.current.indicators ?? [], call: c, catalog, currency: c.max_award.currency });
  let results = stage === 'full' ? framework(call) : null;
  const intro = h('div', {}, stageIntro(stage));
  const onCallChange = (c) => {
    if ((c.two_stage ? 'concept' : 'full') !== stage) { ctx.go('/proposals/new', { call: c.id }); return; }
    call = c;
    content.setCall(c, stage);
    if (results) {
      const next = framework(c);
      results.node.replaceWith(next.node);
      results = next;
    }
  };
  const form = h('form', { id: FORM_ID, class: 'proposal-form', novalidate: true, dataset: { stage } },
    record ? facts([[t('proposals.field.reference'), record.reference], [t('proposals.field.call'), `${call.code} · ${call.title}`],
      [t('proposals.field.state'), stateBadge('proposal', record.state)]]) : callChoice(loaded.calls, call, onCallChange),
    content.about, content.scale, budget?.node, results?.node);

  const filesSlot = h('div', { class: 'files-slot' }, await attachmentsPanel(record?.id, { editable: true }));

  // The body of the PUT/POST, or null after showing the mistakes found in the browser.
  const readBody = () => {
    const { body, errors } = readContent(form);
    if (budget) {
      const lines = budget.read();
      body.budget = lines.lines;
      errors.push(...lines.errors);
    } else {
      body.budget = (record?.current.budget ?? []).map((l) => ({ category: l.category, description: l.description, amount_minor: l.amount.amount_minor }));
    }
    // A PUT without "indicators" would clear the framework: a concept note keeps what it has.
    if (results) {
      const plans = results.read();
      body.indicators = plans.indicators;
      errors.push(...plans.errors);
    } else {
      body.indicators = record?.current.indicators ?? [];
    }
    if (!errors.length) return body;
    status.append(notice(t('problem.invalid'), 'error'));
    showFieldErrors(form, { fieldErrors: errors }, status);
    return null;
  };

  const refused = (err) => {
    if (err.status === 401) return;
    if (err.status === 412) {
      status.append(notice(t('problem.stale-version'), 'error'),
        h('p', {}, h('button', { type: 'button', text: t('proposals.form.reload'), on: { click: () => ctx.reload() } })));
      return;
    }
    showRefusal(form, withFrameworkWords(err), status);
  };

  const save = async () => {
    clearFieldErrors(form);
    status.replaceChildren();
    const body = readBody();
    if (!body) return null;
    try {
      if (record) {
        record = await put(`/proposals/${record.id}`, body, { etag: etagOf(record) });
      } else {
        record = await post('/proposals', { call_id: call.id, ...body });
        // The form goes on as the edit form of the new draft, where files can be attached.
        window.history.replaceState(null, '', `#/proposals/${record.id}/edit`);
        mount(filesSlot, await attachmentsPanel(record.id, { editable: true }));
        cancel.setAttribute('href', `#/proposals/${record.id}`);
      }
      return record;
    } catch (err) {
      refused(err);
      return null;
    }
  };

  const saveButton = h('button', { type: 'submit', form: FORM_ID, name: 'intent', value: 'save', class: 'save-draft', text: t('proposals.form.save') });
  const submitButton = h('button', { type: 'submit', form: FORM_ID, name: 'intent', value: 'submit', class: 'primary save-submit',
    text: t(stage === 'concept' ? 'proposals.form.save_submit_concept' : record?.state === 'revision_requested' ? 'proposals.form.save_resubmit' : 'proposals.form.save_submit') });
  const cancel = h('a', { href: record ? `#/proposals/${record.id}` : '#/proposals', class: 'button', text: t('common.cancel') });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const intent = e.submitter?.value ?? 'save';
    saveButton.disabled = submitButton.disabled = true;
    try {
      const saved = await save();
      if (!saved) return;
      if (intent !== 'submit') { toast(t('common.saved')); return; }
      const event = await submitEventFrom(saved.state);
      try {
        await fire('proposals', saved, event);
        toast(t('action.done', { event: eventLabel('proposal', event) }), { page: `#/proposals/${saved.id}` });
        ctx.go(`/proposals/${saved.id}`);
      } catch (err) {
        toast(t('common.saved'));
        refused(err);
      }
    } finally {
      saveButton.disabled = submitButton.disabled = false;
    }
  });

  return page(pageHeader(title), intro,
    record ? stateNotices(record, loaded.timeline) : null,
    h('p', { class: 'hint required-note', text: t('proposals.form.required_note') }),
    status, form, filesSlot,
    h('div', { class: 'form-actions buttons' }, saveButton, submitButton, cancel));
}
