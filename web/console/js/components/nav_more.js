// The main menu kept on one line: the entries that do not fit the header's width move, the last
// first, into a "More" list behind a button (a disclosure: aria-expanded, Escape closes it and
// gives the focus back). Below the phone breakpoint the menu is a column behind the Menu button
// and nothing moves. The shell fits the menu after each render and when the window is resized.

import { h } from '../dom.js';
import { t } from '../i18n.js';

const PHONE = '(max-width: 48rem)';

function setOpen(more, open) {
  const button = more.querySelector('button');
  button.setAttribute('aria-expanded', String(open));
  more.querySelector('ul').hidden = !open;
}

// The menu's list for `entries` ([{href, text, current}]), with its "More" item, hidden until
// fitMenu needs it.
export function menuList(entries) {
  const moreList = h('ul', { class: 'nav-more-list', id: 'nav-more-list', hidden: true });
  const button = h('button', { type: 'button', class: 'nav-more-button', 'aria-expanded': 'false', 'aria-controls': 'nav-more-list' },
    t('shell.more'));
  const more = h('li', { class: 'nav-more', hidden: true }, button, moreList);
  button.addEventListener('click', () => setOpen(more, button.getAttribute('aria-expanded') !== 'true'));
  more.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || button.getAttribute('aria-expanded') !== 'true') return;
    setOpen(more, false);
    button.focus();
  });
  more.addEventListener('focusout', (e) => { if (!more.contains(e.relatedTarget)) setOpen(more, false); });
  return h('ul', { class: 'nav-main' },
    entries.map((n) => h('li', {}, h('a', { href: n.href, 'aria-current': n.current ? 'page' : undefined }, n.text))),
    more);
}

// Whether the visible items of `list` sit on more than one line.
function wraps(list) {
  const items = [...list.children].filter((li) => !li.hidden);
  if (items.length < 2) return false;
  return items.at(-1).getBoundingClientRect().top > items[0].getBoundingClientRect().top + 2;
}

// Moves into "More" the entries of `nav`'s menu that would put it on a second line.
export function fitMenu(nav) {
  const list = nav.querySelector('ul.nav-main');
  if (!list) return;
  const more = list.querySelector('li.nav-more');
  const moreList = more.querySelector('ul');
  for (const li of [...moreList.children]) list.insertBefore(li, more);
  setOpen(more, false);
  more.hidden = true;
  more.classList.remove('has-current');
  if (window.matchMedia(PHONE).matches || !wraps(list)) return;
  more.hidden = false;
  while (wraps(list)) {
    const entries = [...list.children].filter((li) => li !== more);
    if (entries.length <= 1) break;
    moreList.prepend(entries.at(-1));
  }
  more.classList.toggle('has-current', Boolean(moreList.querySelector('[aria-current="page"]')));
}

// Fits the menu again after the window changes size (once per frame at most), and closes the
// "More" list on a click elsewhere.
export function watchMenu(nav) {
  let pending = false;
  window.addEventListener('resize', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; fitMenu(nav); });
  });
  document.addEventListener('click', (e) => {
    const more = nav.querySelector('li.nav-more');
    if (more && !more.contains(e.target)) setOpen(more, false);
  });
}
