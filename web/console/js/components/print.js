// Printing a record page (a proposal, a grant) on clean A4 pages for a steering committee's pack:
// the page's "Print" button opens the browser's print dialog, and css/print.css lays the page out
// for paper (no menu, buttons or forms; tables whose rows never split). Each printed page carries
// the record's reference and title at its top and its page number at its foot, from CSS custom
// properties that this module keeps on <html> for the page now shown (@page margin boxes read
// them: they cannot read the document itself).

import { h } from '../dom.js';
import { dateTime, t } from '../i18n.js';
import { currentUser } from '../session.js';

// `text` as a CSS string, quotes and backslashes escaped, line breaks as spaces.
function cssString(text) {
  return `"${String(text).replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')}"`;
}

// The "Print" button of a record page.
export function printButton() {
  return h('button', { type: 'button', class: 'print-button', on: { click: () => window.print() } }, t('print.button'));
}

// Marks `page` (a record page's root) as printable: every sheet it prints on carries
// `reference · title` at its top.
export function printable(page, { reference, title }) {
  page.dataset.printHeader = [reference, title].filter(Boolean).join(' · ');
  return page;
}

// Sets (or clears) the custom properties of the page now shown in `main`: the sheets' header, and
// their footer saying who printed them and when (kept current by a listener of beforeprint).
export function syncPrintHeader(main) {
  const root = document.documentElement.style;
  const header = main?.querySelector('[data-print-header]')?.dataset.printHeader;
  if (!header) {
    root.removeProperty('--cg-print-header');
    root.removeProperty('--cg-print-footer');
    return;
  }
  const footer = t('print.footer', { when: dateTime(new Date()), who: currentUser()?.name ?? '' });
  root.setProperty('--cg-print-header', cssString(header));
  root.setProperty('--cg-print-footer', cssString(`${t('app.name')} · ${footer}`));
}

window.addEventListener('beforeprint', () => syncPrintHeader(document.getElementById('main')));
