// The "add a user" form (POST /users): email, name, organisation, the roles that fit that
// organisation, language and an initial password; each refusal shown next to its field.

import { post } from '../../api.js';
import { h, uid } from '../../dom.js';
import { label, t } from '../../i18n.js';
import { clearFieldErrors, showFieldErrors, showRefusal } from '../../components/problem.js';
import { field, toast } from '../../components/ui.js';
import { kindLabel, languageOptions, ROLES, roleFits } from './common.js';

// `orgs`: the organisations (the API takes the organisation's name); donors are left out, as no
// role fits them. `onCreated(user)` after.
export function userForm(orgs, onCreated) {
  const sorted = orgs.filter((o) => o.kind !== 'donor').sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
  const orgField = field({
    label: t('admin.users.organisation'), name: 'organisation', kind: 'select', required: true,
    options: [{ value: '', text: t('admin.users.choose_org') },
      ...sorted.map((o) => ({ value: o.name, text: `${o.name} (${kindLabel(o.kind)})` }))],
  });
  const orgSelect = orgField.querySelector('select');
  const hintId = uid('roles-hint');
  const boxes = ROLES.map((role) => {
    const id = uid(`role-${role}`);
    return h('div', { class: 'field checkbox', dataset: { role } },
      h('input', { type: 'checkbox', id, name: 'roles', value: role }),
      h('label', { for: id, text: label('role', role) }));
  });
  const hint = h('p', { class: 'hint', id: hintId, text: t('admin.users.roles_hint') });
  const roles = h('fieldset', { class: 'roles-choice', dataset: { field: 'roles' }, 'aria-describedby': hintId },
    h('legend', { text: t('admin.users.roles') }), hint, boxes);

  // Only the roles that fit the chosen organisation's kind are offered.
  function offerRoles() {
    const kind = sorted.find((o) => o.name === orgSelect.value)?.kind;
    for (const box of boxes) {
      const fits = Boolean(kind) && roleFits(box.dataset.role, kind);
      box.hidden = !fits;
      if (!fits) box.querySelector('input').checked = false;
    }
    hint.textContent = kind ? t('admin.users.roles_hint_kind', { kind: kindLabel(kind) }) : t('admin.users.roles_hint');
  }
  orgSelect.addEventListener('change', offerRoles);
  offerRoles();

  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('admin.users.add') });
  const form = h('form', { class: 'admin-form user-form', novalidate: true },
    h('div', { class: 'form-grid' },
      field({ label: t('admin.users.email'), name: 'email', type: 'email', required: true, attrs: { autocomplete: 'off', spellcheck: 'false' } }),
      field({ label: t('admin.users.name'), name: 'name', required: true, attrs: { autocomplete: 'off' } }),
      orgField,
      field({ label: t('admin.users.language'), name: 'language', kind: 'select', options: languageOptions(), value: 'en' }),
      field({ label: t('admin.users.password'), name: 'password', type: 'password', required: true, hint: t('admin.users.password_hint'), attrs: { autocomplete: 'new-password' } })),
    h('div', { class: 'field' }, roles), status, h('div', { class: 'buttons' }, submit));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearFieldErrors(form);
    status.replaceChildren();
    const data = new FormData(form);
    const chosen = data.getAll('roles').map(String);
    // Each chosen box answers for its place in the list the server checks (roles[0], roles[1]...).
    for (const input of form.querySelectorAll('input[name="roles"]')) delete input.dataset.field;
    form.querySelectorAll('input[name="roles"]:checked').forEach((input, i) => { input.dataset.field = `roles[${i}]`; });
    const body = {
      email: String(data.get('email') ?? '').trim(),
      name: String(data.get('name') ?? '').trim(),
      organisation: String(data.get('organisation') ?? ''),
      language: String(data.get('language') ?? 'en'),
      password: String(data.get('password') ?? ''),
      roles: chosen,
    };
    if (!body.organisation) {
      showFieldErrors(form, { fieldErrors: [{ field: 'organisation', message: t('admin.users.choose_org_error') }] }, status);
      return;
    }
    submit.disabled = true;
    try {
      const user = await post('/users', body);
      toast(t('admin.users.added', { name: user.name }));
      form.reset();
      offerRoles();
      onCreated?.(user);
    } catch (err) {
      if (err.status === 401) return;
      showRefusal(form, err, status);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
