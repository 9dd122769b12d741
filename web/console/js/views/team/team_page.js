// #/team: the lead's organisation. Its active members (a lead removes any but themselves, after
// a confirmation: the colleague is signed out everywhere), its pending invitations (withdrawn
// with one click), and the invite form, whose role picker offers only the roles the server says
// the organisation's kind allows, with none chosen until the lead chooses.

import { del, get, post } from '../../api.js';
import { h } from '../../dom.js';
import { dateTime, label, t } from '../../i18n.js';
import { problemNotice, submitGuarded } from '../../components/problem.js';
import { field, pageHeader, section, table, toast } from '../../components/ui.js';
import { currentUser } from '../../session.js';
import { confirmDialog, forbiddenPage, LANGUAGE_NAMES } from '../admin/common.js';

function inviteForm(team, onInvited) {
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('team.invite.submit') });
  const roleOptions = [{ value: '', text: t('team.invite.choose_role') },
    ...team.roles.map((r) => ({ value: r, text: label('role', r) }))];
  const languageOptions = Object.entries(LANGUAGE_NAMES).map(([value, text]) => ({ value, text }));
  const form = h('form', { class: 'team-invite', novalidate: true },
    field({ label: t('team.invite.email'), name: 'email', type: 'email', required: true, attrs: { autocomplete: 'off' } }),
    field({ label: t('team.invite.role'), name: 'role', kind: 'select', required: true, options: roleOptions, value: '' }),
    field({ label: t('team.invite.language'), name: 'language', kind: 'select', options: languageOptions,
      value: team.organisation.language, hint: t('team.invite.language_hint') }),
    status, h('div', { class: 'buttons' }, submit));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const body = { email: String(data.get('email') ?? '').trim(), language: String(data.get('language')) };
    const role = String(data.get('role') ?? '');
    if (role) body.role = role;  // none chosen: the server names the field
    submitGuarded(form, {
      submit, status,
      send: () => post('/team/invitations', body),
      onSaved: (invitation) => {
        toast(t('team.invite.sent', { email: invitation.email }));
        onInvited();
      },
    });
  });
  return form;
}

export async function teamView(ctx) {
  ctx.setTitle(t('team.title'));
  let team;
  try {
    team = await get('/team');
  } catch (err) {
    if (err.status === 403) return forbiddenPage(t('team.title'));
    throw err;
  }
  const me = currentUser();
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });

  async function act(run, done) {
    status.replaceChildren();
    try {
      await run();
      toast(done);
      ctx.reload();
    } catch (err) {
      if (err.status !== 401) status.append(problemNotice(err));
    }
  }

  async function remove(member) {
    const ok = await confirmDialog({
      title: t('team.remove.title'),
      question: t('team.remove.question', { name: member.name }),
      confirmText: t('team.remove.confirm'),
    });
    if (ok) await act(() => del(`/team/members/${member.id}`), t('team.remove.done', { name: member.name }));
  }

  const members = table(t('team.members.caption'), [
    { label: t('team.members.name'), cell: (m) => m.name },
    { label: t('team.members.email'), cell: (m) => m.email },
    { label: t('team.members.roles'), cell: (m) => [m.roles.map((r) => label('role', r)).join(', '),
      m.org_lead ? h('span', { class: 'badge', text: t('team.members.lead') }) : null] },
    { label: t('team.members.actions'), cell: (m) => (m.id === me?.id ? h('span', { class: 'muted', text: t('team.members.you') })
      : h('button', { type: 'button', class: 'danger small', dataset: { remove: m.email },
        'aria-label': t('team.remove.aria', { name: m.name }), on: { click: () => remove(m) } }, t('team.remove.button'))) },
  ], team.members);

  const invitations = table(t('team.invitations.caption'), [
    { label: t('team.invitations.email'), cell: (i) => i.email },
    { label: t('team.invitations.role'), cell: (i) => label('role', i.role) },
    { label: t('team.invitations.expires'), cell: (i) => dateTime(i.expires_at) },
    { label: t('team.members.actions'), cell: (i) => h('button', { type: 'button', class: 'small', dataset: { revoke: i.email },
      'aria-label': t('team.invitations.revoke_aria', { email: i.email }),
      on: { click: () => act(() => del(`/team/invitations/${i.id}`), t('team.invitations.revoked', { email: i.email })) } },
    t('team.invitations.revoke')) },
  ], team.invitations, { empty: t('team.invitations.none') });

  return h('section', { class: 'page team-page' },
    pageHeader(t('team.heading', { organisation: team.organisation.name })),
    h('p', { text: t('team.intro') }),
    status,
    section(t('team.members.title'), members),
    section(t('team.invitations.title'), invitations),
    section(t('team.invite.title'), inviteForm(team, () => ctx.reload())));
}
