// Small building blocks every page uses: headings, state badges, fields, tables, notices.

import { h, uid } from '../dom.js';
import { has, label, t } from '../i18n.js';

// <h1> with an optional line of links or buttons beside it.
export function pageHeader(title, ...extra) {
  return h('header', { class: 'page-header' }, h('h1', { text: title }), extra.length ? h('div', { class: 'page-tools' }, extra) : null);
}

// The state of a record of `machine` as a labelled badge.
export function stateBadge(machine, state) {
  const key = `state.${machine}.${state}`;
  const text = has(key) ? t(key) : label('state', state);
  return h('span', { class: ['badge', `state-${state}`], dataset: { state } }, text);
}

// A labelled form control in a .field wrapper. kind: input (default), textarea, select, checkbox.
// options (select): [{value, text}]. dataField names the API field for error placement.
export function field({ label: text, name, kind = 'input', type = 'text', value, required, hint, options, dataField, attrs = {} }) {
  const id = uid(name ?? 'f');
  const hintId = hint ? `${id}-hint` : undefined;
  const common = { id, name, required, 'aria-describedby': hintId, dataset: dataField ? { field: dataField } : undefined, ...attrs };
  let control;
  if (kind === 'textarea') control = h('textarea', { ...common, rows: attrs.rows ?? 4 }, value ?? '');
  else if (kind === 'select') {
    control = h('select', common, (options ?? []).map((o) => h('option', { value: o.value, selected: String(o.value) === String(value ?? '') }, o.text)));
  } else if (kind === 'checkbox') {
    control = h('input', { ...common, type: 'checkbox', checked: Boolean(value) });
    return h('div', { class: 'field checkbox' }, control, h('label', { for: id, text }), hint ? h('p', { class: 'hint', id: hintId, text: hint }) : null);
  } else control = h('input', { ...common, type, value: value ?? '' });
  return h('div', { class: 'field' }, h('label', { for: id }, text, required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
    hint ? h('p', { class: 'hint', id: hintId, text: hint }) : null, control);
}

// A table with a caption: columns [{label, cell: (row) => Node|string, class}].
export function table(caption, columns, rows, { empty } = {}) {
  if (!rows.length) return h('p', { class: 'empty', text: empty ?? t('common.none') });
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', {},
      h('caption', { text: caption }),
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.class, text: c.label })))),
      h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((c) => h('td', { class: c.class, dataset: { label: c.label } }, c.cell(row))))))));
}

// A description list from [[term, value], ...] (values may be nodes); falsy pairs are skipped.
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(Boolean).map(([term, value]) => [h('dt', { text: term }), h('dd', {}, value ?? '—')]));
}

export function notice(text, kind = 'info') {
  return h('p', { class: ['notice', kind], role: kind === 'error' ? 'alert' : undefined, text });
}

// The page a hash shows: its path without the query ("#/proposals/12" for "#/proposals/12?tab=x").
function pageOf(hash) { return (hash || '#/').split('?')[0]; }

// A short message in the page's live region ("Saved", "Screened"). It belongs to the page it is
// shown on, or to `page` (a hash) when the action goes on to that page, and goes when the reader
// moves to another page (dropStaleToast), so that it never speaks of what they no longer see.
export function toast(text, { page } = {}) {
  const region = document.getElementById('toast');
  if (!region) return;
  region.textContent = '';
  region.append(h('span', { text }));
  region.dataset.page = pageOf(page ?? window.location.hash);
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { region.textContent = ''; }, 6000);
}

// Clears the toast unless it belongs to the page now shown. The shell calls it after each render.
export function dropStaleToast() {
  const region = document.getElementById('toast');
  if (!region || !region.textContent || region.dataset.page === pageOf(window.location.hash)) return;
  clearTimeout(toast.timer);
  region.textContent = '';
}

// A section with a heading (h2) and content.
export function section(title, ...content) {
  const id = uid('s');
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id, text: title }), content);
}

// A link to a hash route.
export function link(path, text, attrs = {}) {
  return h('a', { href: `#${path}`, ...attrs }, text);
}
