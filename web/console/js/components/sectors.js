// The DAC 5-digit purpose codes the fund may choose for a service (GET /api/v1/sectors: code and
// English name from the OECD codelist), read once per minute and shared by the grant page's
// open-data panel and the decision dialog. The names stay in English, as the codelist gives them.

import { get } from '../api.js';
import { h } from '../dom.js';

let cached = null;

// [{code, name}], in the server's order.
export function sectors() {
  if (cached && Date.now() - cached.at < 60_000) return cached.value;
  const value = get('/sectors').then((d) => d.items ?? []);
  cached = { at: Date.now(), value };
  value.catch(() => { cached = null; });
  return value;
}

// "16020 · Employment creation" (the code alone when the list does not name it).
export function sectorText(code, list = []) {
  const name = list.find((s) => s.code === code)?.name;
  return name ? `${code} · ${name}` : String(code);
}

// <option>s for a select: `noneText` first (value ""), then every sector, its English name
// marked as English for screen readers.
export function sectorOptionNodes(list, noneText, selected) {
  return [
    h('option', { value: '', selected: !selected }, noneText),
    ...list.map((s) => h('option', { value: s.code, lang: 'en', selected: s.code === selected }, sectorText(s.code, list))),
  ];
}

// A labelled select of sectors (name="sector_code") in a .field wrapper, with a hint.
export function sectorField({ id, label, hint, list, noneText, selected }) {
  const hintId = `${id}-hint`;
  return h('div', { class: 'field sector-field' },
    h('label', { for: id, text: label }),
    hint ? h('p', { class: 'hint', id: hintId, text: hint }) : null,
    h('select', { id, name: 'sector_code', dataset: { field: 'sector_code' }, 'aria-describedby': hint ? hintId : undefined },
      sectorOptionNodes(list, noneText, selected)));
}
