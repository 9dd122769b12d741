// The applicant's editor of a draft report: the narrative, in a financial report the actual
// spending per line of the approved budget, and in a progress or final report the actuals
// against the targets of its period (report_results.js); saved with PUT /reports/{id} and
// If-Match. Also the upload of attachments (POST /reports/{id}/attachments, multipart).

import { etagOf, post, put } from '../../api.js';
import { h } from '../../dom.js';
import { editableAmount, label, money, parseMoney, t } from '../../i18n.js';
import { clearFieldErrors, showFieldErrors, showRefusal } from '../../components/problem.js';
import { digitsOf } from '../../components/measure.js';
import { field, toast } from '../../components/ui.js';
import { reportResults, withResultsWords } from './report_results.js';

// The form for `report` (a draft). lines: the approved budget lines [{id, category, description,
// amount}] (financial reports only); catalog, currency and attachments [{id, filename}]: for the
// actuals of a progress or final report; onSaved(report) after Save. Answers {node, dirty(),
// save(), addFile(attachment)}; save() resolves to the saved report or null when it was refused
// (the errors are shown in the form).
export function reportForm(report, { lines = [], catalog, currency: grantCurrency = 'USD', attachments = [], onStale, onSaved } = {}) {
  const financial = report.kind === 'financial';
  const status = h('div', { class: 'form-status' });
  const stated = new Map((report.spending ?? []).map((s) => [s.budget_line_id, s.actual_minor]));
  const currency = lines[0]?.amount?.currency ?? 'USD';
  const digits = digitsOf(currency);
  const spendingInputs = [];
  const spending = financial ? h('fieldset', { class: 'spending', dataset: { field: 'spending' } },
    h('legend', { text: t('grants.reportform.spending', { currency }) }),
    h('p', { class: 'hint', text: t('grants.reportform.spending_hint') }),
    lines.map((line) => {
      const f = field({
        label: t('grants.reportform.line', { category: label('grants.category', line.category), description: line.description }),
        name: `spending_${line.id}`, hint: t('grants.reportform.planned', { amount: money(line.amount) }),
        value: stated.has(line.id) ? editableAmount(stated.get(line.id), digits) : '',
        attrs: { inputmode: 'decimal', autocomplete: 'off' },
      });
      const input = f.querySelector('input');
      input.dataset.lineId = String(line.id);
      spendingInputs.push(input);
      return f;
    })) : null;
  const narrative = field({ label: t('grants.reportform.narrative'), name: 'narrative', kind: 'textarea', value: report.narrative,
    required: true, hint: t(`grants.reportform.narrative_hint.${report.kind}`), attrs: { rows: 10, maxlength: 20000 } });
  const results = report.period !== null && report.period !== undefined && catalog
    ? reportResults(report, { catalog, currency: grantCurrency, attachments }) : null;
  const saveButton = h('button', { type: 'submit', class: 'primary', text: t('common.save') });
  const form = h('form', { class: 'report-form', novalidate: true }, narrative, spending, results?.node, status, h('div', { class: 'buttons' }, saveButton));
  const initial = () => JSON.stringify([form.elements.narrative.value, spendingInputs.map((i) => i.value), results?.snapshot()]);
  let savedState = initial();

  // The PUT body, or {errors} for values that are not numbers; names each input after its place.
  function body() {
    const out = { narrative: form.elements.narrative.value };
    if (results) {
      const read = results.read();
      out.results = read.results;
      if (read.errors.length) return { errors: read.errors };
    }
    if (!financial) return { out };
    out.spending = [];
    for (const input of spendingInputs) {
      delete input.dataset.field;
      const text = input.value.trim();
      if (!text) continue;
      const minor = parseMoney(text, digits);
      const at = `spending[${out.spending.length}].actual_minor`;
      input.dataset.field = at;
      if (minor === null) return { errors: [{ field: at, message: t('need.amount_invalid') }] };
      out.spending.push({ budget_line_id: Number(input.dataset.lineId), actual_minor: minor });
    }
    return { out };
  }

  async function save() {
    clearFieldErrors(form);
    status.replaceChildren();
    const { out, errors } = body();
    if (errors) { showFieldErrors(form, { fieldErrors: errors }, status); return null; }
    saveButton.disabled = true;
    try {
      const saved = await put(`/reports/${report.id}`, out, { etag: etagOf(report) });
      Object.assign(report, saved);
      savedState = initial();
      toast(t('common.saved'));
      return saved;
    } catch (err) {
      if (err.status === 412) { toast(t('problem.stale-version')); onStale?.(); return null; }
      showRefusal(form, withResultsWords(err), status);
      return null;
    } finally {
      saveButton.disabled = false;
    }
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const saved = await save();
    if (saved) onSaved?.(saved);
  });
  return { node: form, dirty: () => initial() !== savedState, save, addFile: (a) => results?.addFile(a) };
}

// The attachments list with, when `canUpload`, a form to add a file (onAdded(attachment) after
// each). attachments: [{id, filename}].
export function attachmentsBlock(reportId, attachments, { canUpload, onAdded }) {
  const list = h('ul', { class: 'attachments' });
  const add = (a) => list.append(h('li', {}, h('a', { href: `/api/v1/attachments/${a.id}/content`, download: a.filename, text: a.filename })));
  attachments.forEach(add);
  const empty = h('p', { class: 'empty', text: t('grants.attach.none') });
  empty.hidden = attachments.length > 0;
  if (!canUpload) return h('div', { class: 'attachments-block' }, empty, list);
  const status = h('div', { class: 'form-status' });
  const input = field({ label: t('grants.attach.file'), name: 'file', type: 'file', hint: t('grants.attach.hint') });
  const button = h('button', { type: 'submit', text: t('grants.attach.upload') });
  const form = h('form', { class: 'attach-form', novalidate: true }, input, status, h('div', { class: 'buttons' }, button));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearFieldErrors(form);
    status.replaceChildren();
    const file = form.elements.file.files[0];
    if (!file) { showFieldErrors(form, { fieldErrors: [{ field: 'file', message: t('grants.attach.choose') }] }, status); return; }
    const data = new FormData();
    data.append('file', file, file.name);
    button.disabled = true;
    try {
      const attachment = await post(`/reports/${reportId}/attachments`, data);
      add(attachment);
      onAdded?.(attachment);
      empty.hidden = true;
      form.reset();
      toast(t('grants.attach.done', { name: attachment.filename }));
    } catch (err) {
      showRefusal(form, err, status);
    } finally {
      button.disabled = false;
    }
  });
  return h('div', { class: 'attachments-block' }, empty, list, form);
}
