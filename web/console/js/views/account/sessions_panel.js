// The account page's sessions (GET /account/sessions: where the user is signed in, this browser
// marked, each other one ended with a button) and API tokens (GET/POST/DELETE /tokens: a new
// token is shown once, right after it is made).

import { del, get, post } from '../../api.js';
import { h } from '../../dom.js';
import { dateTime, t } from '../../i18n.js';
import { clearFieldErrors, runAction as act, showRefusal } from '../../components/problem.js';
import { field, section, table, toast } from '../../components/ui.js';
import { hasRole } from '../../session.js';

// The token made last, shown on the next rendering of the page only.
let madeNow = null;

export async function sessionsSection(ctx) {
  const page = await get('/account/sessions');
  const status = h('div', { class: 'form-status' });
  const end = (s) => {
    const button = h('button', { type: 'button', class: 'small', dataset: { session: s.id },
      'aria-label': t('account.sessions.end_label', { started: dateTime(s.created_at) }), text: t('account.sessions.end') });
    button.addEventListener('click', () => act(button, status, () => del(`/account/sessions/${s.id}`), t('account.sessions.ended'), ctx));
    return button;
  };
  return section(t('account.sessions.title'),
    h('p', { class: 'hint', text: t('account.sessions.lead') }),
    table(t('account.sessions.caption'), [
      { label: t('account.sessions.started'), cell: (s) => dateTime(s.created_at) },
      { label: t('account.sessions.last_seen'), cell: (s) => dateTime(s.last_seen_at) },
      { label: t('account.sessions.expires'), cell: (s) => dateTime(s.expires_at) },
      { label: t('account.sessions.this'), cell: (s) => (s.current
        ? h('span', { class: 'badge this-session', text: t('account.sessions.this_one') })
        : end(s)) },
    ], page.items.map((s) => ({ ...s }))),
    status);
}

function tokenForm(ctx) {
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', text: t('account.tokens.create') });
  const form = h('form', { class: 'account-form token-form', novalidate: true },
    field({ label: t('account.tokens.name'), name: 'name', required: true, hint: t('account.tokens.name_hint'),
      attrs: { autocomplete: 'off', maxlength: '100' } }),
    h('fieldset', { class: 'scopes' }, h('legend', { text: t('account.tokens.scopes') }),
      field({ label: t('account.tokens.scope_write'), name: 'scope_write', kind: 'checkbox', value: true }),
      hasRole('fund_manager') ? field({ label: t('account.tokens.scope_payments'), name: 'scope_payments', kind: 'checkbox',
        hint: t('account.tokens.scope_payments_hint') }) : null),
    status, h('div', { class: 'buttons' }, submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearFieldErrors(form);
    status.replaceChildren();
    submit.disabled = true;
    try {
      const data = new FormData(form);
      const scopes = ['read'];
      if (data.get('scope_write') === 'on') scopes.push('write');
      if (data.get('scope_payments') === 'on') scopes.push('payments');
      const made = await post('/tokens', { name: String(data.get('name') ?? '').trim(), scopes });
      madeNow = made;
      toast(t('account.tokens.created'));
      ctx.reload();
    } catch (err) {
      submit.disabled = false;
      if (err.slug === 'step-up-required') status.append(h('p', { class: 'notice info', role: 'alert', text: t('account.tokens.step_up_first') }));
      else if (err.status !== 401) showRefusal(form, err, status);
    }
  });
  return form;
}

export async function tokensSection(ctx) {
  const page = await get('/tokens');
  const shown = madeNow;
  madeNow = null;
  const status = h('div', { class: 'form-status' });
  const revoke = (tok) => {
    if (tok.revoked_at) return h('span', { class: 'muted', text: t('account.tokens.revoked_at', { when: dateTime(tok.revoked_at) }) });
    const button = h('button', { type: 'button', class: 'small', dataset: { token: tok.id },
      'aria-label': t('account.tokens.revoke_label', { name: tok.name }), text: t('account.tokens.revoke') });
    button.addEventListener('click', () => act(button, status, () => del(`/tokens/${tok.id}`), t('account.tokens.revoked'), ctx));
    return button;
  };
  return section(t('account.tokens.title'),
    h('p', { class: 'hint', text: t('account.tokens.lead') }),
    shown ? h('div', { class: 'notice ok new-token', role: 'status' },
      h('p', { text: t('account.tokens.shown_once', { name: shown.name }) }),
      h('code', { class: 'token-value', text: shown.token })) : null,
    table(t('account.tokens.caption'), [
      { label: t('account.tokens.name'), cell: (tok) => tok.name },
      { label: t('account.tokens.created_at'), cell: (tok) => dateTime(tok.created_at) },
      { label: t('account.tokens.scopes'), cell: (tok) => (tok.scopes ?? []).map((s) => t(`account.tokens.scope.${s}`)).join(', ') },
      { label: t('account.tokens.state'), cell: revoke },
    ], page.items, { empty: t('account.tokens.none') }),
    status,
    tokenForm(ctx));
}
