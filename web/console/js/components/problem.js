// Refusals from the API in words a person understands, never raw JSON: one sentence for the
// whole answer, and each field error next to its field. The server writes both in the reader's
// language (the problem's Content-Language): its detail says why a step is refused ("attach the
// English translation first"); when it is in another language than the console's (or there is
// none), a sentence by status and problem type stands in.

import { h } from '../dom.js';
import { has, language, t } from '../i18n.js';
import { toast } from './ui.js';

// The kinds whose detail only repeats the generic sentence or lists field names: the fields say it.
const GENERIC = new Set(['invalid', 'malformed-json', 'csrf', 'stale-version', 'precondition-required']);

// A message for a whole refused request.
export function explain(error) {
  if (!error || error.status === undefined) return t('problem.unexpected');
  const slug = error.slug;
  if (error.status === 0) return t('problem.network');
  const detail = error.problem?.detail;
  if (detail && error.language === language() && !GENERIC.has(slug) && error.status < 500) return detail;
  if (slug && has(`problem.${slug}`)) return t(`problem.${slug}`);
  if (has(`problem.status_${error.status}`)) return t(`problem.status_${error.status}`);
  return error.status >= 500 ? t('problem.status_500') : t('problem.unexpected');
}

// Clears the field errors shown in `form`.
export function clearFieldErrors(form) {
  for (const el of form.querySelectorAll('.field-error')) el.remove();
  for (const el of form.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    const described = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => !id.startsWith('err-'));
    if (described.length) el.setAttribute('aria-describedby', described.join(' '));
    else el.removeAttribute('aria-describedby');
  }
}

// The control of `form` for an API field name: data-field="budget[1].amount_minor" first, then
// name="...", then the closest parent field ("budget[1].amount_minor" -> "budget[1]" -> "budget").
function controlFor(form, field) {
  let name = field;
  while (name) {
    const el = form.querySelector(`[data-field="${CSS.escape(name)}"]`) ?? form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (el) return el;
    const cut = Math.max(name.lastIndexOf('.'), name.lastIndexOf('['));
    name = cut > 0 ? name.slice(0, cut) : '';
  }
  return null;
}

// Shows each of `error`'s field errors under its control (or in `summary` when no control is
// named after it) and focuses the first; answers how many were shown.
export function showFieldErrors(form, error, summary) {
  clearFieldErrors(form);
  let first = null;
  let shown = 0;
  for (const fe of error.fieldErrors ?? []) {
    const control = controlFor(form, fe.field);
    const text = String(fe.message ?? '');
    const id = `err-${Math.random().toString(36).slice(2, 9)}`;
    const note = h('p', { class: 'field-error', id, text: control ? text : `${fe.field}: ${text}` });
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', `${control.getAttribute('aria-describedby') ?? ''} ${id}`.trim());
      (control.closest('.field') ?? control.parentElement).append(note);
      first ??= control;
    } else if (summary) {
      summary.append(note);
    }
    shown += 1;
  }
  first?.focus();
  return shown;
}

// A notice box for a refused request (role=alert, so screen readers hear it at once).
export function problemNotice(error) {
  return h('p', { class: 'notice error', role: 'alert', text: explain(error) });
}

// A refused request in words: the notice in `summary`, and each field error under its control.
export function showRefusal(form, error, summary) {
  summary.append(problemNotice(error));
  showFieldErrors(form, error, summary);
}

// Sends a form's edit: clears its errors and disables `submit` while `send()` runs; then
// `onSaved(answer)`, or on a stale version (412) a toast and `onStale()`, or else the refusal
// beside the fields and in `status`. A 401 is the session's business (api.js signs out).
export async function submitGuarded(form, { submit, status, send, onSaved, onStale }) {
  clearFieldErrors(form);
  status.replaceChildren();
  submit.disabled = true;
  try {
    onSaved(await send());
  } catch (err) {
    submit.disabled = false;
    if (err.status === 401) return;
    if (err.status === 412) { toast(t('problem.stale-version')); onStale?.(); return; }
    showRefusal(form, err, status);
  }
}

// Runs `action` from `button`; on success a toast (`done`) and the page again (`ctx.reload()`),
// else the refusal in `status` (a 401 is the session's end, answered elsewhere).
export async function runAction(button, status, action, done, ctx) {
  status.replaceChildren();
  button.disabled = true;
  try {
    await action();
    toast(done);
    ctx.reload();
  } catch (err) {
    button.disabled = false;
    if (err.status !== 401) status.append(problemNotice(err));
  }
}
