// Sign-in: email and password, then the second factor's code when the account has one; back
// to the page the user came from (or to the account page, where a role that needs a second
// factor enrols one first).

import { me, signIn } from '../../api.js';
import { h } from '../../dom.js';
import { language, setLanguage, t } from '../../i18n.js';
import { problemNotice } from '../../components/problem.js';
import { field } from '../../components/ui.js';

export async function signInView(ctx) {
  ctx.setTitle(t('signin.title'));
  const status = h('div', { class: 'form-status' });
  const button = h('button', { type: 'submit', class: 'primary', text: t('signin.submit') });
  const otpField = field({ label: t('signin.otp'), name: 'otp', hint: t('signin.otp_hint'),
    attrs: { autocomplete: 'one-time-code', inputmode: 'text', maxlength: '20', spellcheck: 'false' } });
  otpField.hidden = true;
  const form = h('form', { class: 'signin', novalidate: true },
    field({ label: t('signin.email'), name: 'email', type: 'email', required: true, attrs: { autocomplete: 'username' } }),
    field({ label: t('signin.password'), name: 'password', type: 'password', required: true, attrs: { autocomplete: 'current-password' } }),
    otpField,
    status, h('div', { class: 'buttons' }, button),
    h('p', { class: 'forgotten' }, h('a', { href: '#/password-reset', text: t('reset.forgotten_link') })));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    status.replaceChildren();
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const otp = otpField.hidden ? undefined : String(data.get('otp') ?? '').replace(/\s+/g, '');
    if (!email || !password) {
      status.append(h('p', { class: 'notice error', role: 'alert', text: t('signin.missing') }));
      return;
    }
    button.disabled = true;
    try {
      const user = await signIn(email, password, otp);
      // The account's saved language, whatever this browser showed before.
      if (user.language && user.language !== language()) await setLanguage(user.language);
      const who = (await me()) ?? user;
      const back = who.must_enrol_second_factor ? '/account'
        : ctx.query.return && ctx.query.return.startsWith('/') && !ctx.query.return.startsWith('/sign-in') ? ctx.query.return : '/';
      document.dispatchEvent(new CustomEvent('cg:signed-in', { detail: { user: who } }));
      window.location.hash = `#${back}`;
    } catch (err) {
      button.disabled = false;
      if (err.slug === 'second-factor-required') {
        // The password was right: the account has a second factor; ask for its code.
        const first = otpField.hidden;
        otpField.hidden = false;
        status.append(h('p', { class: first ? 'notice info' : 'notice error', role: 'alert', text: t(first ? 'signin.otp_needed' : 'signin.otp_wrong') }));
        const input = otpField.querySelector('input');
        input.value = '';
        input.focus();
        return;
      }
      status.append(err.status === 401 ? h('p', { class: 'notice error', role: 'alert', text: t('signin.wrong') }) : problemNotice(err));
    }
  });
  return h('section', { class: 'page narrow' },
    h('h1', { text: t('signin.title') }),
    ctx.query.expired ? h('p', { class: 'notice info', text: t('signin.expired') }) : h('p', { text: t('signin.intro') }),
    form);
}
