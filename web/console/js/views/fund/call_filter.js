// The "call" filter of the board: a labelled select of every call and a button that applies it.

import { getAll } from '../../api.js';
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { field } from '../../components/ui.js';

// The calls the user may see, for the filter's options.
export function loadCalls() { return getAll('/calls'); }

// A form that sends {call} to `onApply` (undefined for every call).
export function callFilter(calls, selected, onApply) {
  const options = [{ value: '', text: t('fund.filter.all_calls') }, ...calls.map((c) => ({ value: String(c.id), text: `${c.code} — ${c.title}` }))];
  const form = h('form', { class: 'filter-form', role: 'search', 'aria-label': t('fund.filter.label') },
    field({ label: t('fund.filter.call'), name: 'call', kind: 'select', options, value: selected ?? '' }),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', text: t('common.filter') })));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = String(new FormData(form).get('call') ?? '');
    onApply(value || undefined);
  });
  return form;
}
