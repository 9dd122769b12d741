// The chapter forms of the Donors page (admins and fund managers): add a chapter to a donor
// (POST /chapters: donor, code, name, theme, currency, committed amount) and edit one
// (PUT /chapters/{id}: name, theme, committed amount, guarded by If-Match = its version). Amounts
// are typed in major units and sent in minor units; the server judges every rule and each refusal
// lands next to its field.

import { etagOf, post, put } from '../../api.js';
import { h } from '../../dom.js';
import { editableAmount, parseMoney, t } from '../../i18n.js';
import { clearFieldErrors, showFieldErrors, showRefusal } from '../../components/problem.js';
import { field, notice, toast } from '../../components/ui.js';

// Digits after the decimal point of `currency` (2 when the code is not one).
function digitsOf(currency) {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  } catch {
    return 2;
  }
}

const text = (data, name) => String(data.get(name) ?? '').trim();

// The committed amount in minor units, or an error next to its field.
function committedOf(data, currency) {
  const typed = text(data, 'committed');
  if (!typed) return { error: { field: 'committed_minor', message: t('results.chapter.committed_required') } };
  const minor = parseMoney(typed, digitsOf(currency));
  return minor === null ? { error: { field: 'committed_minor', message: t('need.amount_invalid') } } : { minor };
}

// Sends `body()` with `send`; shows refusals in the form, calls `onSaved(answer)` when saved.
function wire(form, submit, status, build, send, { onSaved, onConflict, onStale }) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearFieldErrors(form);
    status.replaceChildren();
    const { body, errors } = build(new FormData(form));
    if (errors?.length) {
      status.append(notice(t('problem.invalid'), 'error'));
      showFieldErrors(form, { fieldErrors: errors }, status);
      return;
    }
    submit.disabled = true;
    try {
      const saved = await send(body);
      onSaved?.(saved);
    } catch (err) {
      if (err.status === 401) return;
      if (err.status === 412 && onStale) { toast(t('problem.stale-version')); onStale(); return; }
      if (err.status === 409 && onConflict) { onConflict(err, status); return; }
      showRefusal(form, err, status);
    } finally {
      submit.disabled = false;
    }
  });
}

const committedField = (value, currency) => field({
  label: t('results.chapter.committed'), name: 'committed', dataField: 'committed_minor', required: true, value,
  hint: t('results.chapter.committed_hint', { currency }), attrs: { inputmode: 'decimal', autocomplete: 'off' },
});

// A new chapter for one of `donors`; `onSaved(chapter)` after it is saved.
export function newChapterForm(donors, onSaved) {
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('results.chapter.add') });
  const form = h('form', { class: 'chapter-form new-chapter', novalidate: true },
    h('div', { class: 'form-grid' },
      field({
        label: t('results.chapter.donor'), name: 'donor_id', kind: 'select', required: true, value: '',
        options: [{ value: '', text: t('results.chapter.choose_donor') }, ...donors.map((d) => ({ value: String(d.id), text: d.name }))],
      }),
      field({ label: t('results.chapter.code'), name: 'code', required: true, hint: t('results.chapter.code_hint'), attrs: { autocomplete: 'off', spellcheck: 'false', maxlength: '32' } }),
      field({ label: t('results.chapter.name'), name: 'name', required: true, attrs: { autocomplete: 'off' } }),
      field({ label: t('results.chapter.currency'), name: 'currency', value: 'USD', required: true, hint: t('results.chapter.currency_hint'), attrs: { maxlength: '3', autocomplete: 'off', spellcheck: 'false' } }),
      committedField('', 'USD')),
    field({ label: t('results.chapter.theme'), name: 'theme', kind: 'textarea', hint: t('results.chapter.theme_hint'), attrs: { rows: 2 } }),
    status, h('div', { class: 'buttons' }, submit));
  // The committed amount's hint names the currency typed.
  const currencyInput = form.querySelector('input[name="currency"]');
  const committedHint = form.querySelector('input[name="committed"]').closest('.field').querySelector('.hint');
  currencyInput.addEventListener('input', () => {
    const code = currencyInput.value.trim().toUpperCase();
    committedHint.textContent = t('results.chapter.committed_hint', { currency: /^[A-Z]{3}$/.test(code) ? code : '…' });
  });
  wire(form, submit, status, (data) => {
    const currency = text(data, 'currency').toUpperCase();
    const errors = [];
    const body = { code: text(data, 'code'), name: text(data, 'name'), theme: text(data, 'theme'), currency };
    if (text(data, 'donor_id')) body.donor_id = Number(text(data, 'donor_id'));
    else errors.push({ field: 'donor_id', message: t('results.chapter.choose_donor_error') });
    const committed = committedOf(data, currency);
    if (committed.error) errors.push(committed.error);
    else body.committed_minor = committed.minor;
    return { body, errors };
  }, (body) => post('/chapters', body), { onSaved });
  return form;
}

// Editing `chapter` (name, theme, committed amount); `onSaved` after, `onStale` when someone else
// changed it first.
export function editChapterForm(chapter, { onSaved, onStale, onCancel }) {
  const currency = chapter.committed?.currency ?? 'USD';
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('results.chapter.save') });
  const cancel = h('button', { type: 'button', text: t('common.cancel'), on: { click: () => onCancel?.() } });
  const form = h('form', { class: 'chapter-form edit-chapter', novalidate: true, dataset: { chapter: chapter.id } },
    h('div', { class: 'form-grid' },
      field({ label: t('results.chapter.name'), name: 'name', required: true, value: chapter.name, attrs: { autocomplete: 'off' } }),
      committedField(editableAmount(chapter.committed?.amount_minor ?? 0, digitsOf(currency)), currency)),
    field({ label: t('results.chapter.theme'), name: 'theme', kind: 'textarea', value: chapter.theme, hint: t('results.chapter.theme_hint'), attrs: { rows: 2 } }),
    status, h('div', { class: 'buttons' }, submit, cancel));
  wire(form, submit, status, (data) => {
    const body = { name: text(data, 'name'), theme: text(data, 'theme') };
    const committed = committedOf(data, currency);
    if (committed.error) return { errors: [committed.error] };
    body.committed_minor = committed.minor;
    return { body };
  }, (body) => put(`/chapters/${chapter.id}`, body, { etag: etagOf(chapter) }), {
    onSaved,
    onStale,
    // The server refuses a commitment below what the grants already hold of the chapter.
    onConflict: (err, box) => {
      box.append(notice(t('problem.invalid'), 'error'));
      showFieldErrors(form, { fieldErrors: [{ field: 'committed_minor', message: t('results.chapter.below_allocated') }] }, box);
    },
  });
  return form;
}
