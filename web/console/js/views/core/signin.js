// Sign-in: email and password; back to the page the user came from.

import { signIn } from '../../api.js';
import { h } from '../../dom.js';
import { language, setLanguage, t } from '../../i18n.js';
import { problemNotice } from '../../components/problem.js';
import { field } from '../../components/ui.js';

export async function signInView(ctx) {
  ctx.setTitle(t('signin.title'));
  const status = h('div', { class: 'form-status' });
  const button = h('button', { type: 'submit', class: 'primary', text: t('signin.submit') });
  const form = h('form', { class: 'signin', novalidate: true },
    field({ label: t('signin.email'), name: 'email', type: 'email', required: true, attrs: { autocomplete: 'username' } }),
    field({ label: t('signin.password'), name: 'password', type: 'password', required: true, attrs: { autocomplete: 'current-password' } }),
    status, h('div', { class: 'buttons' }, button),
    h('p', { class: 'forgotten' }, h('a', { href: '#/password-reset', text: t('reset.forgotten_link') })));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    status.replaceChildren();
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    if (!email || !password) {
      status.append(h('p', { class: 'notice error', role: 'alert', text: t('signin.missing') }));
      return;
    }
    button.disabled = true;
    try {
      const user = await signIn(email, password);
      // The account's saved language, whatever this browser showed before.
      if (user.language && user.language !== language()) await setLanguage(user.language);
      document.dispatchEvent(new CustomEvent('cg:signed-in', { detail: { user } }));
      const back = ctx.query.return && ctx.query.return.startsWith('/') && !ctx.query.return.startsWith('/sign-in') ? ctx.query.return : '/';
      window.location.hash = `#${back}`;
    } catch (err) {
      button.disabled = false;
      status.append(err.status === 401 ? h('p', { class: 'notice error', role: 'alert', text: t('signin.wrong') }) : problemNotice(err));
    }
  });
  return h('section', { class: 'page narrow' },
    h('h1', { text: t('signin.title') }),
    ctx.query.expired ? h('p', { class: 'notice info', text: t('signin.expired') }) : h('p', { text: t('signin.intro') }),
    form);
}
