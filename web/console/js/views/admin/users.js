// #/admin/users: every user with their organisation, roles, language and whether the account is
// active (each name opens the user's page, user-page.js); an admin grants a role that fits the user's organisation or revokes one (after a
// confirmation), and adds users with the form below the list.

import { del, get, put } from '../../api.js';
import { h, mount, uid } from '../../dom.js';
import { label, t } from '../../i18n.js';
import { problemNotice } from '../../components/problem.js';
import { pageHeader, section, table, toast } from '../../components/ui.js';
import { currentUser, hasRole } from '../../session.js';
import { confirmDialog, forbiddenPage, kindLabel, LANGUAGE_NAMES, ROLES, roleFits } from './common.js';
import { userForm } from './user-form.js';

export async function usersView(ctx) {
  ctx.setTitle(t('admin.users.title'));
  if (!hasRole('admin')) return forbiddenPage(t('admin.users.title'));
  const [users, orgs] = await Promise.all([get('/users'), get('/organisations')]);
  const orgById = new Map(orgs.items.map((o) => [o.id, o]));
  const list = users.items.slice().sort((a, b) => a.name.localeCompare(b.name));
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const holder = h('div', { class: 'users-table' });
  const me = currentUser();

  // Replaces one user's row data with the server's answer and draws the table again, keeping
  // the keyboard focus on the same user's row.
  function update(updated) {
    const i = list.findIndex((u) => u.id === updated.id);
    if (i >= 0) list[i] = updated;
    draw();
    holder.querySelector(`tr[data-user="${updated.id}"] select, tr[data-user="${updated.id}"] button`)?.focus();
  }

  async function grant(user, role) {
    status.replaceChildren();
    try {
      update(await put(`/users/${user.id}/roles/${role}`));
      toast(t('admin.users.granted', { role: label('role', role), name: user.name }));
    } catch (err) {
      if (err.status !== 401) status.append(problemNotice(err));
    }
  }

  async function revoke(user, role) {
    status.replaceChildren();
    const ok = await confirmDialog({
      title: t('admin.users.revoke_title'),
      question: t('admin.users.revoke_question', { role: label('role', role), name: user.name }),
      confirmText: t('admin.users.revoke_confirm'),
    });
    if (!ok) return;
    try {
      update(await del(`/users/${user.id}/roles/${role}`));
      toast(t('admin.users.revoked', { role: label('role', role), name: user.name }));
    } catch (err) {
      if (err.status !== 401) status.append(problemNotice(err));
    }
  }

  function rolesCell(user) {
    if (!user.roles.length) return h('span', { class: 'muted', text: t('admin.users.no_roles') });
    return h('ul', { class: 'role-list' }, user.roles.map((role) => h('li', { dataset: { role } },
      h('span', { class: 'badge role', text: label('role', role) }),
      user.id === me?.id && role === 'admin' ? null : h('button', {
        type: 'button', class: 'danger small', dataset: { revoke: role },
        'aria-label': t('admin.users.revoke_aria', { role: label('role', role), name: user.name }),
        on: { click: () => revoke(user, role) },
      }, t('admin.users.revoke')))));
  }

  function grantCell(user) {
    const kind = orgById.get(user.org_id)?.kind;
    const open = ROLES.filter((r) => roleFits(r, kind) && !user.roles.includes(r));
    if (!open.length) return h('span', { class: 'muted', text: '—' });
    const id = uid('grant');
    const errorId = `${id}-error`;
    // No role is chosen until the admin chooses one: a first role picked by default (an admin
    // role, for the fund's people) would be granted by a careless click.
    const select = h('select', { id, name: 'role', required: true },
      h('option', { value: '', selected: true }, t('admin.users.choose_role')),
      open.map((r) => h('option', { value: r }, label('role', r))));
    const error = h('p', { class: 'field-error', id: errorId, hidden: true, text: t('admin.users.choose_role_error') });
    const choose = () => {
      if (select.value) return grant(user, select.value);
      select.setAttribute('aria-invalid', 'true');
      select.setAttribute('aria-describedby', errorId);
      error.hidden = false;
      select.focus();
      return null;
    };
    select.addEventListener('change', () => {
      select.removeAttribute('aria-invalid');
      select.removeAttribute('aria-describedby');
      error.hidden = true;
    });
    return h('div', { class: 'grant-role' },
      h('label', { for: id, class: 'visually-hidden', text: t('admin.users.grant_label', { name: user.name }) }),
      select,
      h('button', { type: 'button', dataset: { grant: user.id }, on: { click: choose } }, t('admin.users.grant')),
      error);
  }

  const columns = [
    { label: t('admin.users.col.name'), cell: (u) => [h('a', { href: `#/admin/users/${u.id}`, class: 'user-link' }, h('strong', { text: u.name })), h('br'), h('span', { class: 'muted', text: u.email })] },
    { label: t('admin.users.col.organisation'), cell: (u) => {
      const o = orgById.get(u.org_id);
      return o ? [o.name, h('br'), h('span', { class: 'muted', text: kindLabel(o.kind) })] : `#${u.org_id}`;
    } },
    { label: t('admin.users.col.roles'), cell: rolesCell },
    { label: t('admin.users.col.grant'), cell: grantCell },
    { label: t('admin.users.col.language'), cell: (u) => h('span', { lang: u.language, text: LANGUAGE_NAMES[u.language] ?? u.language }) },
    { label: t('admin.users.col.status'), cell: (u) => h('span', { class: ['badge', u.active ? 'state-active' : 'state-suspended'], text: t(u.active ? 'admin.users.active' : 'admin.users.inactive') }) },
  ];

  function draw() {
    const node = table(t('admin.users.caption', { count: list.length }), columns, list);
    node.querySelectorAll('tbody tr').forEach((tr, i) => { tr.dataset.user = list[i].id; });
    mount(holder, node);
  }
  draw();

  return h('section', { class: 'page admin-users' },
    pageHeader(t('admin.users.title'), h('a', { href: '#/admin/organisations', class: 'button', text: t('admin.nav.organisations') })),
    h('p', { class: 'lead', text: t('admin.users.lead') }),
    status, holder,
    section(t('admin.users.add_title'), userForm(orgs.items, () => ctx.reload())));
}
