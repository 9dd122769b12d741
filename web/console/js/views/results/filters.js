// The Results page's choices, kept in the address (#/results?group_by=city&chapter=1...) so a view
// can be linked: how to group, and which call, chapter, donor, indicator and period to count. The
// form is a labelled set of selects sent with one button (choosing does not reload by itself).

import { h, uid } from '../../dom.js';
import { t } from '../../i18n.js';
import { GROUPINGS, indicatorName } from './format.js';

export const FILTERS = ['call', 'chapter', 'donor', 'indicator', 'period'];

// The periods any call has (1..the most a call has).
function periodsOf(calls) {
  const most = Math.max(1, ...calls.map((c) => Number(c.periods) || 1));
  return Array.from({ length: most }, (_, i) => String(i + 1));
}

// The choices of `query` that name something the user may see; the rest are dropped.
export function readChoices(query, { calls, donors, indicators }) {
  const known = {
    call: new Set(calls.map((c) => String(c.id))),
    chapter: new Set(donors.flatMap((d) => d.chapters.map((c) => String(c.id)))),
    donor: new Set(donors.map((d) => String(d.id))),
    indicator: new Set(indicators.map((i) => i.code)),
    period: new Set(periodsOf(calls)),
  };
  const choices = { group_by: GROUPINGS.includes(query.group_by) ? query.group_by : 'call' };
  for (const name of FILTERS) if (known[name].has(query[name])) choices[name] = query[name];
  return choices;
}

function option(value, text, selected) {
  return h('option', { value, selected: String(value) === String(selected ?? '') }, text);
}

// A labelled select; `describedBy` names a hint elsewhere in the form.
function select(name, labelText, selected, options, describedBy) {
  const id = uid(`results-${name}`);
  return h('div', { class: 'field' },
    h('label', { for: id, text: labelText }),
    h('select', { id, name, 'aria-describedby': describedBy }, options(selected)));
}

// The filter form; `onApply(choices)` gets the chosen values (empty ones left out).
export function filterForm(choices, { calls, donors, indicators }, onApply) {
  const all = (key) => option('', t(key), '');
  const periodHint = uid('results-period-hint');
  const form = h('form', { class: 'filter-form results-filter', role: 'search', 'aria-label': t('results.filter.label') },
    select('group_by', t('results.filter.group_by'), choices.group_by,
      (v) => GROUPINGS.map((g) => option(g, t(`results.group_by.${g}`), v))),
    select('call', t('results.filter.call'), choices.call,
      (v) => [all('results.filter.all_calls'), ...calls.map((c) => option(c.id, `${c.code} — ${c.title}`, v))]),
    select('chapter', t('results.filter.chapter'), choices.chapter,
      (v) => [all('results.filter.all_chapters'), ...donors.filter((d) => d.chapters.length).map((d) => h('optgroup', { label: d.name },
        d.chapters.map((c) => option(c.id, c.name, v))))]),
    select('donor', t('results.filter.donor'), choices.donor,
      (v) => [all('results.filter.all_donors'), ...donors.map((d) => option(d.id, d.name, v))]),
    select('indicator', t('results.filter.indicator'), choices.indicator,
      (v) => [all('results.filter.all_indicators'), ...indicators.map((i) => option(i.code, indicatorName(i), v))]),
    select('period', t('results.filter.period'), choices.period,
      (v) => [all('results.filter.all_periods'), ...periodsOf(calls).map((p) => option(p, t('results.filter.period_n', { n: p }), v))],
      periodHint),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', text: t('results.filter.apply') })),
    h('p', { class: 'hint filter-hint', id: periodHint, text: t('results.filter.period_hint') }));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const chosen = {};
    for (const name of ['group_by', ...FILTERS]) {
      const value = String(data.get(name) ?? '');
      if (value) chosen[name] = value;
    }
    onApply(chosen);
  });
  return form;
}
