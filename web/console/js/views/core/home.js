// The start page: who I am and where my work is, as cards drawn from the navigation of my roles.

import { h } from '../../dom.js';
import { label, t } from '../../i18n.js';
import { currentUser } from '../../session.js';

export function homeView(ctx, entries) {
  const user = currentUser();
  ctx.setTitle(t('home.title'));
  const mine = entries.filter((n) => n.href !== '#/' && (!n.roles || n.roles.some((r) => user.roles.includes(r))));
  return h('section', { class: 'page' },
    h('h1', { text: t('home.greeting', { name: user.name }) }),
    h('p', { class: 'lead', text: t('home.roles', { org: user.organisation?.name ?? '', roles: user.roles.map((r) => label('role', r)).join(', ') }) }),
    h('ul', { class: 'cards' }, mine.map((n) => h('li', { class: 'card' },
      h('a', { href: n.href }, h('strong', { text: t(n.key) }), n.descKey ? h('span', { text: t(n.descKey) }) : null)))));
}
