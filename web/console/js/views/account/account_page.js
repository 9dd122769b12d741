// #/account: the signed-in user's own account. The profile (name and language, PATCH /account
// with If-Match = the loaded version; the language is the console's and the mail's on every
// device), the password (the current one required; every other session ends), and the
// sessions and API tokens (sessions_panel.js).

import { put, request } from '../../api.js';
import { h } from '../../dom.js';
import { language, setLanguage, t } from '../../i18n.js';
import { currentUser } from '../../session.js';
import { showFieldErrors, submitGuarded } from '../../components/problem.js';
import { facts, field, pageHeader, section, toast } from '../../components/ui.js';
import { LANGUAGE_NAMES } from './language.js';
import { factorStatus, secondFactorSection } from './second_factor_panel.js';
import { sessionsSection, tokensSection } from './sessions_panel.js';

function profileForm(account, ctx) {
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('common.save') });
  const languageField = field({
    label: t('account.profile.language'), name: 'language', kind: 'select', value: account.language,
    hint: t('account.profile.language_hint'),
    options: Object.entries(LANGUAGE_NAMES).map(([value, text]) => ({ value, text })),
  });
  for (const option of languageField.querySelectorAll('option')) option.lang = option.value;
  const form = h('form', { class: 'account-form profile-form', novalidate: true },
    h('div', { class: 'form-grid' },
      field({ label: t('account.profile.name'), name: 'name', value: account.name, required: true,
        attrs: { autocomplete: 'name', maxlength: '200' } }),
      languageField),
    status, h('div', { class: 'buttons' }, submit));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const body = { name: String(data.get('name') ?? '').trim(), language: String(data.get('language') ?? '') };
    submitGuarded(form, {
      submit, status, onStale: () => ctx.reload(),
      send: async () => (await request('PATCH', '/account', { body, etag: `"v${account.version}"` })).data,
      onSaved: async (saved) => {
        const user = currentUser();
        if (user) Object.assign(user, { name: saved.name, language: saved.language });
        if (saved.language !== language()) await setLanguage(saved.language);  // renders anew
        else ctx.reload();
        toast(t('account.profile.saved'));
      },
    });
  });
  return form;
}

function passwordForm(account, ctx) {
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('account.password.submit') });
  const form = h('form', { class: 'account-form password-form', novalidate: true },
    // For password managers: whose password this is.
    h('input', { type: 'text', name: 'username', autocomplete: 'username', value: account.email, hidden: true, readonly: true }),
    h('div', { class: 'form-grid' },
      field({ label: t('account.password.current'), name: 'current_password', type: 'password', required: true,
        attrs: { autocomplete: 'current-password' } }),
      field({ label: t('account.password.new'), name: 'new_password', type: 'password', required: true,
        hint: t('account.password.rules'), attrs: { autocomplete: 'new-password' } }),
      field({ label: t('account.password.confirm'), name: 'confirm_password', type: 'password', required: true,
        attrs: { autocomplete: 'new-password' } })),
    h('p', { class: 'hint', text: t('account.password.others_end') }),
    status, h('div', { class: 'buttons' }, submit));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const body = { current_password: String(data.get('current_password') ?? ''), new_password: String(data.get('new_password') ?? '') };
    if (body.new_password !== String(data.get('confirm_password') ?? '')) {
      status.replaceChildren();
      showFieldErrors(form, { fieldErrors: [{ field: 'confirm_password', message: t('account.password.mismatch') }] }, status);
      return;
    }
    submitGuarded(form, {
      submit, status,
      send: () => put('/account/password', body),
      onSaved: () => { toast(t('account.password.changed')); ctx.reload(); },
    });
  });
  return form;
}

export async function accountView(ctx) {
  ctx.setTitle(t('account.title'));
  const [{ data: account }, factor] = await Promise.all([request('GET', '/account'), factorStatus()]);
  const factorSection = await secondFactorSection(ctx, factor);
  if (factor.required && !factor.enrolled) {
    // Until the second factor is set, nothing else of the console answers this user.
    return h('section', { class: 'page account-page', dataset: { version: account.version } },
      pageHeader(t('account.title')), factorSection);
  }
  const [sessions, tokens] = await Promise.all([sessionsSection(ctx), tokensSection(ctx)]);
  return h('section', { class: 'page account-page', dataset: { version: account.version } },
    pageHeader(t('account.title')),
    h('p', { class: 'lead', text: t('account.lead') }),
    section(t('account.profile.title'),
      facts([
        [t('account.profile.email'), account.email],
        [t('account.profile.organisation'), account.organisation?.name],
      ]),
      profileForm(account, ctx)),
    section(t('account.password.title'), passwordForm(account, ctx)),
    factorSection,
    sessions,
    tokens);
}
