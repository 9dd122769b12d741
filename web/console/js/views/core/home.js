// The reader's pages as cards, drawn from the navigation of their roles (under the inbox on the
// start page, views/inbox/home.js).

import { h, uid } from '../../dom.js';
import { t } from '../../i18n.js';

export function pageCards(entries, user) {
  const mine = entries.filter((n) => n.href !== '#/' && (!n.roles || n.roles.some((r) => user.roles.includes(r))) && (!n.when || n.when(user)));
  const id = uid('pages');
  return h('section', { class: 'home-pages', 'aria-labelledby': id },
    h('h2', { id, text: t('inbox.pages') }),
    h('ul', { class: 'cards' }, mine.map((n) => h('li', { class: 'card' },
      h('a', { href: n.href }, h('strong', { text: t(n.key) }), n.descKey ? h('span', { text: t(n.descKey) }) : null)))));
}
