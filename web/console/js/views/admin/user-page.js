// #/admin/users/:id: one user's account as an admin manages it (GET/PATCH /users/{id} with
// If-Match): name, language, the whole set of roles (only the roles that fit the user's
// organisation are offered) and whether the account is active; then lock and unlock, a forced
// password reset, the second factor's four-eyes reset and the live sessions (user-security.js).

import { get, request } from '../../api.js';
import { h, uid } from '../../dom.js';
import { dateTime, label, t } from '../../i18n.js';
import { submitGuarded } from '../../components/problem.js';
import { facts, field, link, pageHeader, section, toast } from '../../components/ui.js';
import { currentUser, hasRole } from '../../session.js';
import { forbiddenPage, kindLabel, languageOptions, ROLES, roleFits } from './common.js';
import { factorSection, lockSection, resetSection, sessionsSection } from './user-security.js';

function statusText(user) {
  if (!user.active) return t('admin.user.status.inactive');
  if (user.locked) {
    return user.locked_until ? t('admin.user.status.locked', { until: dateTime(user.locked_until) }) : t('admin.user.status.locked_forever');
  }
  return t('admin.user.status.active');
}

function summary(user) {
  return facts([
    [t('admin.user.email'), user.email],
    [t('admin.user.organisation'), `${user.organisation.name} (${kindLabel(user.organisation.kind)})`],
    [t('admin.user.roles'), user.roles.map((r) => label('role', r)).join(', ') || t('admin.users.no_roles')],
    [t('admin.user.account_state'), h('span', { dataset: { status: user.active ? (user.locked ? 'locked' : 'active') : 'inactive' }, text: statusText(user) })],
    [t('admin.user.second_factor'), t(user.second_factor ? 'admin.user.factor_yes' : 'admin.user.factor_no')],
    [t('admin.user.live'), t('admin.user.live_counts', { sessions: user.live_sessions, tokens: user.live_tokens })],
  ]);
}

// The roles as checkboxes: those that fit the organisation, ticked as the user holds them now.
function rolesChoice(user) {
  const hintId = uid('roles-hint');
  const boxes = ROLES.filter((r) => roleFits(r, user.organisation.kind)).map((role) => {
    const id = uid(`role-${role}`);
    return h('div', { class: 'field checkbox', dataset: { role } },
      h('input', { type: 'checkbox', id, name: 'roles', value: role, checked: user.roles.includes(role) }),
      h('label', { for: id, text: label('role', role) }));
  });
  return h('fieldset', { class: 'roles-choice', dataset: { field: 'roles' }, 'aria-describedby': hintId },
    h('legend', { text: t('admin.user.roles') }),
    h('p', { class: 'hint', id: hintId, text: t('admin.users.roles_hint_kind', { kind: kindLabel(user.organisation.kind) }) }),
    boxes);
}

function accountForm(user, ctx) {
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('admin.user.save') });
  const self = currentUser()?.id === user.id;
  const form = h('form', { class: 'admin-form account-admin-form', novalidate: true },
    h('div', { class: 'form-grid' },
      field({ label: t('admin.users.name'), name: 'name', value: user.name, required: true, attrs: { autocomplete: 'off', maxlength: '200' } }),
      field({ label: t('admin.users.language'), name: 'language', kind: 'select', value: user.language, options: languageOptions() })),
    h('div', { class: 'field' }, rolesChoice(user)),
    field({ label: t('admin.user.active'), name: 'active', kind: 'checkbox', value: user.active, dataField: 'active',
      hint: t(self ? 'admin.user.active_self_hint' : 'admin.user.active_hint') }),
    status, h('div', { class: 'buttons' }, submit));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    form.querySelectorAll('input[name="roles"]').forEach((input) => { delete input.dataset.field; });
    form.querySelectorAll('input[name="roles"]:checked').forEach((input, i) => { input.dataset.field = `roles[${i}]`; });
    const body = {
      name: String(data.get('name') ?? '').trim(),
      language: String(data.get('language') ?? ''),
      roles: data.getAll('roles').map(String),
      active: form.querySelector('input[name="active"]').checked,
    };
    submitGuarded(form, {
      submit, status, onStale: () => ctx.reload(),
      send: async () => (await request('PATCH', `/users/${user.id}`, { body, etag: `"v${user.version}"` })).data,
      onSaved: (saved) => { toast(t('admin.user.saved', { name: saved.name })); ctx.reload(); },
    });
  });
  return form;
}

export async function userView(ctx) {
  ctx.setTitle(t('admin.user.title'));
  if (!hasRole('admin')) return forbiddenPage(t('admin.user.title'));
  const id = encodeURIComponent(ctx.params.id);
  const [user, sessions] = await Promise.all([get(`/users/${id}`), get(`/users/${id}/sessions`)]);
  ctx.setTitle(user.name);
  return h('section', { class: 'page admin-user', dataset: { user: user.id } },
    pageHeader(user.name, link('/admin/users', t('admin.user.back'), { class: 'button' })),
    summary(user),
    section(t('admin.user.edit'), accountForm(user, ctx)),
    lockSection(user, ctx),
    resetSection(user, ctx),
    factorSection(user, ctx),
    sessionsSection(user, sessions, ctx));
}
