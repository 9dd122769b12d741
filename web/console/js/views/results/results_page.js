// #/results: what the money achieved. Target, actual and % achieved per indicator, grouped by
// call, chapter, donor, city or country, for the call, chapter, donor, indicator and period chosen
// (kept in the address, so a view can be linked), with the breakdown per population group, sex,
// age band and reach. With a chapter or a donor chosen, each grant counts only the share that
// funder pays (the server does the sums: GET /results, scoped to what the user may see).

import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { notice, pageHeader } from '../../components/ui.js';
import { plural } from '../fund/format.js';
import { filterForm, readChoices } from './filters.js';
import { currencyOf } from './format.js';
import { rollupPanels } from './rollup.js';
import { byCode, loadCalls, loadDonors, loadIndicators, loadResults } from './sources.js';

// Who pays, in words, when the view counts one funder's share.
function funderNote(choices, donors) {
  const chapter = donors.flatMap((d) => d.chapters).find((c) => String(c.id) === choices.chapter);
  const donor = donors.find((d) => String(d.id) === choices.donor);
  const funder = chapter?.name ?? donor?.name;
  return funder ? notice(t('results.share_note', { funder }), 'info') : null;
}

export async function resultsView(ctx) {
  ctx.setTitle(t('results.title'));
  const [calls, donors, indicators] = await Promise.all([loadCalls(), loadDonors(), loadIndicators()]);
  const options = { calls, donors, indicators };
  const choices = readChoices(ctx.query, options);
  const answer = await loadResults(choices);
  const currency = currencyOf(calls, choices.call);
  const panels = rollupPanels(answer, { by: choices.group_by, indicators: byCode(indicators), currency, open: Boolean(choices.indicator) });
  const hasMoney = (answer.total?.indicators ?? []).some((i) => i.unit === 'currency');
  return h('section', { class: 'page results-page', dataset: { groupBy: choices.group_by } },
    pageHeader(t('results.title')),
    h('p', { class: 'lead', text: t('results.intro') }),
    filterForm(choices, options, (chosen) => ctx.go('/results', chosen)),
    h('p', { class: 'results-count', dataset: { grants: answer.grants ?? 0 }, text: plural('results.counted', answer.grants ?? 0) }),
    funderNote(choices, donors),
    hasMoney && !currency ? notice(t('results.mixed_currencies'), 'warn') : null,
    panels.length ? panels : h('p', { class: 'empty', text: t('results.empty') }));
}
