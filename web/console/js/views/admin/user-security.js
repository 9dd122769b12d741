// The admin's user page, below the account form: lock and unlock (POST /users/{id}/lock and
// /unlock), a forced password reset (POST /users/{id}/password-reset), the second factor's reset
// with four eyes (one admin requests with a reason, another confirms) and the live sessions,
// each ended one by one or all at once.

import { del, post } from '../../api.js';
import { h } from '../../dom.js';
import { dateTime, t } from '../../i18n.js';
import { clearFieldErrors, runAction as act, showRefusal } from '../../components/problem.js';
import { field, section, table, toast } from '../../components/ui.js';
import { currentUser } from '../../session.js';
import { confirmDialog } from './common.js';

// A form of a few fields whose submit sends `send(data)`; refusals beside the fields.
function actionForm(className, fields, buttonText, send, done, ctx, { danger = false } = {}) {
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: danger ? 'danger' : 'primary', text: buttonText });
  const form = h('form', { class: ['admin-form', className], novalidate: true }, fields, status, h('div', { class: 'buttons' }, submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearFieldErrors(form);
    status.replaceChildren();
    submit.disabled = true;
    try {
      await send(new FormData(form));
      toast(done);
      ctx.reload();
    } catch (err) {
      submit.disabled = false;
      if (err.status !== 401) showRefusal(form, err, status);
    }
  });
  return form;
}

export function lockSection(user, ctx) {
  if (user.locked) {
    const status = h('div', { class: 'form-status' });
    const unlock = h('button', { type: 'button', class: 'primary', text: t('admin.user.unlock') });
    unlock.addEventListener('click', () => act(unlock, status, () => post(`/users/${user.id}/unlock`),
      t('admin.user.unlocked', { name: user.name }), ctx));
    return section(t('admin.user.lock_title'), h('p', { class: 'hint', text: t('admin.user.unlock_lead') }), status, h('div', { class: 'buttons' }, unlock));
  }
  const fields = h('div', { class: 'form-grid' },
    field({ label: t('admin.user.lock_until'), name: 'until', type: 'datetime-local', hint: t('admin.user.lock_until_hint') }),
    field({ label: t('admin.user.lock_reason'), name: 'reason', attrs: { maxlength: '500', autocomplete: 'off' } }));
  const send = (data) => {
    const until = String(data.get('until') ?? '');
    const body = { reason: String(data.get('reason') ?? '').trim() };
    if (until) body.until = new Date(until).toISOString();
    return post(`/users/${user.id}/lock`, body);
  };
  return section(t('admin.user.lock_title'), h('p', { class: 'hint', text: t('admin.user.lock_lead') }),
    actionForm('lock-form', fields, t('admin.user.lock'), send, t('admin.user.locked_done', { name: user.name }), ctx, { danger: true }));
}

export function resetSection(user, ctx) {
  const status = h('div', { class: 'form-status' });
  const button = h('button', { type: 'button', class: 'danger', text: t('admin.user.reset') });
  button.addEventListener('click', async () => {
    const ok = await confirmDialog({ title: t('admin.user.reset'), question: t('admin.user.reset_question', { name: user.name }),
      confirmText: t('admin.user.reset') });
    if (ok) act(button, status, () => post(`/users/${user.id}/password-reset`), t('admin.user.reset_done', { name: user.name }), ctx);
  });
  return section(t('admin.user.reset_title'), h('p', { class: 'hint', text: t('admin.user.reset_lead') }), status, h('div', { class: 'buttons' }, button));
}

function pendingReset(user, ctx) {
  const r = user.second_factor_reset;
  const by = r.actors?.requested_by?.name ?? t('admin.user.factor_someone');
  const status = h('div', { class: 'form-status' });
  const buttons = h('div', { class: 'buttons' });
  if (r.may_confirm) {
    const confirm = h('button', { type: 'button', class: 'danger', text: t('admin.user.factor_confirm') });
    confirm.addEventListener('click', async () => {
      const ok = await confirmDialog({ title: t('admin.user.factor_confirm'), question: t('admin.user.factor_confirm_question', { name: user.name }),
        confirmText: t('admin.user.factor_confirm') });
      if (ok) act(confirm, status, () => post(`/users/${user.id}/second-factor-reset/confirm`), t('admin.user.factor_confirmed', { name: user.name }), ctx);
    });
    buttons.append(confirm);
  } else {
    buttons.append(h('p', { class: 'notice info', text: t('admin.user.factor_wait') }));
  }
  const withdraw = h('button', { type: 'button', text: t('admin.user.factor_withdraw') });
  withdraw.addEventListener('click', () => act(withdraw, status, () => del(`/users/${user.id}/second-factor-reset`), t('admin.user.factor_withdrawn'), ctx));
  buttons.append(withdraw);
  return [h('p', { class: 'pending-reset', text: t('admin.user.factor_pending', { name: by, at: dateTime(r.requested_at), reason: r.reason, expires: dateTime(r.expires_at) }) }),
    status, buttons];
}

export function factorSection(user, ctx) {
  const title = t('admin.user.factor_title');
  const lead = h('p', { class: 'hint', text: t('admin.user.factor_lead') });
  if (currentUser()?.id === user.id) return section(title, lead, h('p', { class: 'muted', text: t('admin.user.factor_own') }));
  if (user.second_factor_reset) return section(title, lead, ...pendingReset(user, ctx));
  if (!user.second_factor) return section(title, lead, h('p', { class: 'muted', text: t('admin.user.factor_none') }));
  const fields = field({ label: t('admin.user.factor_reason'), name: 'reason', required: true, hint: t('admin.user.factor_reason_hint'),
    attrs: { maxlength: '500', autocomplete: 'off' } });
  const send = (data) => post(`/users/${user.id}/second-factor-reset`, { reason: String(data.get('reason') ?? '').trim() });
  return section(title, lead, actionForm('factor-form', fields, t('admin.user.factor_request'), send, t('admin.user.factor_requested'), ctx));
}

export function sessionsSection(user, sessions, ctx) {
  const status = h('div', { class: 'form-status' });
  const end = (s) => {
    const button = h('button', { type: 'button', class: 'small', dataset: { session: s.id },
      'aria-label': t('admin.user.session_end_aria', { started: dateTime(s.created_at) }), text: t('admin.user.session_end') });
    button.addEventListener('click', () => act(button, status, () => del(`/users/${user.id}/sessions/${s.id}`), t('admin.user.session_ended'), ctx));
    return button;
  };
  const endAll = h('button', { type: 'button', class: 'danger', text: t('admin.user.sessions_end_all') });
  endAll.addEventListener('click', () => act(endAll, status, () => del(`/users/${user.id}/sessions`), t('admin.user.sessions_ended'), ctx));
  return section(t('admin.user.sessions_title'),
    table(t('admin.user.sessions_caption', { count: sessions.items.length }), [
      { label: t('account.sessions.started'), cell: (s) => dateTime(s.created_at) },
      { label: t('account.sessions.last_seen'), cell: (s) => dateTime(s.last_seen_at) },
      { label: t('account.sessions.expires'), cell: (s) => dateTime(s.expires_at) },
      { label: t('admin.user.session_action'), cell: end },
    ], sessions.items, { empty: t('admin.user.sessions_none') }),
    status, sessions.items.length ? h('div', { class: 'buttons' }, endAll) : null);
}
