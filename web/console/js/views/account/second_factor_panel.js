// The account page's second factor (GET/POST /account/second-factor): set up an authenticator
// app from a QR code (or its key typed in), confirm it with a first code, and keep the ten
// recovery codes shown once; later, new recovery codes or removal (where no role needs one),
// each proven by a code. A user whose role needs a second factor sees only this until it is set.

import { get, post } from '../../api.js';
import { h } from '../../dom.js';
import { dateTime, t } from '../../i18n.js';
import { currentUser } from '../../session.js';
import { clearFieldErrors, showRefusal } from '../../components/problem.js';
import { field, section, toast } from '../../components/ui.js';

// Recovery codes made last, shown on the next rendering of the page only.
let codesNow = null;

function codeField(hint) {
  return field({ label: t('account.factor.code'), name: 'otp', required: true, hint,
    attrs: { autocomplete: 'one-time-code', maxlength: '20', spellcheck: 'false' } });
}

// A form asking for one code, then `send(otp)`; `onDone(answer)` after.
function codeForm(className, label, hint, send, onDone) {
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', text: label });
  const form = h('form', { class: ['account-form', className], novalidate: true },
    codeField(hint), status, h('div', { class: 'buttons' }, submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearFieldErrors(form);
    status.replaceChildren();
    submit.disabled = true;
    try {
      onDone(await send(String(new FormData(form).get('otp') ?? '').replace(/\s+/g, '')));
    } catch (err) {
      submit.disabled = false;
      if (err.status !== 401) showRefusal(form, err, status);
    }
  });
  return form;
}

// The QR code the server drew (our own SVG: parsed, never inserted as HTML).
function qrPicture(svgText) {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const svg = document.importNode(doc.documentElement, true);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('account.factor.qr_label'));
  return h('div', { class: 'qr-code' }, svg);
}

function enrolment(started, ctx) {
  return h('div', { class: 'factor-enrolment' },
    h('ol', { class: 'steps' },
      h('li', { text: t('account.factor.step_scan') }),
      h('li', { text: t('account.factor.step_code') })),
    qrPicture(started.qr_svg),
    h('p', {}, t('account.factor.key_typed'), ' ', h('code', { class: 'factor-secret', text: started.secret.replace(/(.{4})/g, '$1 ').trim() })),
    codeForm('factor-confirm', t('account.factor.confirm'), t('account.factor.code_hint'),
      (otp) => post('/account/second-factor/confirm', { otp }),
      (answer) => {
        codesNow = answer.recovery_codes;
        const user = currentUser();
        if (user) user.must_enrol_second_factor = false;
        toast(t('account.factor.enrolled'));
        ctx.reload();
      }));
}

function recoveryCodes(codes) {
  return h('div', { class: 'notice ok recovery-codes', role: 'status' },
    h('p', { text: t('account.factor.codes_once') }),
    h('ul', { class: 'codes' }, codes.map((c) => h('li', {}, h('code', { text: c })))));
}

export async function secondFactorSection(ctx, factor) {
  const shown = codesNow;
  codesNow = null;
  const body = [];
  if (shown) body.push(recoveryCodes(shown));
  if (factor.enrolled) {
    body.push(h('p', { class: 'factor-state', text: t('account.factor.on', { since: dateTime(factor.confirmed_at), left: factor.recovery_codes_left }) }));
    body.push(codeForm('factor-renew', t('account.factor.renew'), t('account.factor.renew_hint'),
      (otp) => post('/account/second-factor/recovery-codes', { otp }),
      (answer) => { codesNow = answer.recovery_codes; toast(t('account.factor.renewed')); ctx.reload(); }));
    if (!factor.required) {
      body.push(codeForm('factor-remove', t('account.factor.remove'), t('account.factor.remove_hint'),
        (otp) => post('/account/second-factor/remove', { otp }),
        () => { toast(t('account.factor.removed')); ctx.reload(); }));
    }
  } else {
    body.push(h('p', { class: factor.required ? 'notice warn' : 'hint', role: factor.required ? 'alert' : undefined,
      text: t(factor.required ? 'account.factor.required' : 'account.factor.optional') }));
    const status = h('div', { class: 'form-status' });
    const start = h('button', { type: 'button', class: 'primary factor-start', text: t('account.factor.start') });
    const slot = h('div', {});
    start.addEventListener('click', async () => {
      status.replaceChildren();
      start.disabled = true;
      try {
        const started = await post('/account/second-factor');
        start.hidden = true;
        slot.replaceChildren(enrolment(started, ctx));
        slot.querySelector('input[name="otp"]').focus();
      } catch (err) {
        start.disabled = false;
        if (err.status !== 401) showRefusal(slot, err, status);
      }
    });
    body.push(start, status, slot);
  }
  return section(t('account.factor.title'), ...body);
}

// Whether the account page shows only the second factor: a role needs one not set up yet.
export async function factorStatus() { return get('/account/second-factor'); }
