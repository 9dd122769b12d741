// A forgotten password, without signing in: #/password-reset asks for a link by email (the
// answer is the same whether or not the email is anyone's), and #/password-reset/<token>, the
// mailed link, chooses the new password; that ends every session of the account.

import { post, setCsrfToken } from '../../api.js';
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { currentUser, setCurrentUser } from '../../session.js';
import { clearFieldErrors, showFieldErrors, showRefusal, submitGuarded } from '../../components/problem.js';
import { field, link } from '../../components/ui.js';

function page(title, ...content) {
  return h('section', { class: 'page narrow reset-page' }, h('h1', { text: title }), content);
}

export async function resetRequestView(ctx) {
  ctx.setTitle(t('reset.request.title'));
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('reset.request.submit') });
  const form = h('form', { class: 'reset-request', novalidate: true },
    field({ label: t('signin.email'), name: 'email', type: 'email', required: true, attrs: { autocomplete: 'username' } }),
    status, h('div', { class: 'buttons' }, submit));
  const done = h('div', { class: 'reset-sent', role: 'status' });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const email = String(new FormData(form).get('email') ?? '').trim();
    if (!email) {
      status.replaceChildren();
      showFieldErrors(form, { fieldErrors: [{ field: 'email', message: t('reset.request.missing') }] }, status);
      return;
    }
    submitGuarded(form, {
      submit, status,
      send: () => post('/password-resets', { email }),
      onSaved: (answer) => {
        form.hidden = true;
        done.append(h('p', { class: 'notice ok', text: t('reset.request.sent', { minutes: answer.expires_in_minutes }) }),
          h('p', {}, link('/sign-in', t('reset.back_to_sign_in'))));
      },
    });
  });
  return page(t('reset.request.title'), h('p', { text: t('reset.request.intro') }), form, done,
    h('p', {}, link('/sign-in', t('reset.back_to_sign_in'))));
}

export async function resetChooseView(ctx) {
  ctx.setTitle(t('reset.choose.title'));
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('reset.choose.submit') });
  const form = h('form', { class: 'reset-choose', novalidate: true },
    field({ label: t('account.password.new'), name: 'new_password', type: 'password', required: true,
      hint: t('account.password.rules'), attrs: { autocomplete: 'new-password' } }),
    field({ label: t('account.password.confirm'), name: 'confirm_password', type: 'password', required: true,
      attrs: { autocomplete: 'new-password' } }),
    status, h('div', { class: 'buttons' }, submit));
  const done = h('div', { class: 'reset-done', role: 'status' });
  const finish = (...content) => { form.hidden = true; done.append(...content); };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const password = String(data.get('new_password') ?? '');
    clearFieldErrors(form);
    status.replaceChildren();
    if (password !== String(data.get('confirm_password') ?? '')) {
      showFieldErrors(form, { fieldErrors: [{ field: 'confirm_password', message: t('account.password.mismatch') }] }, status);
      return;
    }
    submit.disabled = true;
    try {
      await post(`/password-resets/${encodeURIComponent(ctx.params.token)}`, { new_password: password });
      if (currentUser()) { setCurrentUser(null); setCsrfToken(null); }  // every session ended
      finish(h('p', { class: 'notice ok', text: t('reset.choose.done') }),
        h('p', {}, link('/sign-in', t('reset.choose.sign_in'), { class: 'button primary' })));
    } catch (err) {
      submit.disabled = false;
      if (err.status === 404) {  // used, expired or unknown: the server does not say which
        finish(h('p', { class: 'notice error', role: 'alert', text: t('reset.choose.dead') }),
          h('p', {}, link('/password-reset', t('reset.choose.ask_again'), { class: 'button' })));
      } else {
        showRefusal(form, err, status);
      }
    }
  });
  return page(t('reset.choose.title'), h('p', { text: t('reset.choose.intro') }), form, done);
}
