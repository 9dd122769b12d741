// #/invitation/<token>, signed out: the mailed link of a team invitation. The invitee chooses
// their name and password (the password rules of the account page) and gets the account with
// the invitation's role, then signs in. A used, withdrawn, expired or unknown link gets one
// answer: the server does not say which.

import { post } from '../../api.js';
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { clearFieldErrors, showFieldErrors, showRefusal } from '../../components/problem.js';
import { field, link } from '../../components/ui.js';

export async function invitationView(ctx) {
  ctx.setTitle(t('team.accept.title'));
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('team.accept.submit') });
  const form = h('form', { class: 'invitation-accept', novalidate: true },
    field({ label: t('team.accept.name'), name: 'name', required: true, attrs: { autocomplete: 'name' } }),
    field({ label: t('account.password.new'), name: 'password', type: 'password', required: true,
      hint: t('account.password.rules'), attrs: { autocomplete: 'new-password' } }),
    field({ label: t('account.password.confirm'), name: 'confirm_password', type: 'password', required: true,
      attrs: { autocomplete: 'new-password' } }),
    status, h('div', { class: 'buttons' }, submit));
  const done = h('div', { class: 'invitation-done', role: 'status' });
  const finish = (...content) => { form.hidden = true; done.append(...content); };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    const password = String(data.get('password') ?? '');
    clearFieldErrors(form);
    status.replaceChildren();
    if (password !== String(data.get('confirm_password') ?? '')) {
      showFieldErrors(form, { fieldErrors: [{ field: 'confirm_password', message: t('account.password.mismatch') }] }, status);
      return;
    }
    submit.disabled = true;
    try {
      const made = await post(`/invitations/${encodeURIComponent(ctx.params.token)}`, { name, password });
      finish(h('p', { class: 'notice ok', text: t('team.accept.done', { email: made.email, organisation: made.organisation }) }),
        h('p', {}, link('/sign-in', t('team.accept.sign_in'), { class: 'button primary' })));
    } catch (err) {
      submit.disabled = false;
      if (err.status === 404) {  // used, withdrawn, expired or unknown: one answer
        finish(h('p', { class: 'notice error', role: 'alert', text: t('team.accept.dead') }),
          h('p', {}, link('/sign-in', t('team.accept.sign_in'))));
      } else {
        showRefusal(form, err, status);
      }
    }
  });
  return h('section', { class: 'page narrow invitation-page' }, h('h1', { text: t('team.accept.title') }),
    h('p', { text: t('team.accept.intro') }), form, done);
}
