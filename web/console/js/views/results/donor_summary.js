// #/donors/:id: one donor's money and what it achieved. Its totals per currency (committed,
// allocated, disbursed) and the grants it pays, its chapters with their bars, and the results of
// its share of those grants (GET /donors/{id}/summary: a roll-up by chapter that counts only the
// donor's pro-rata share of each grant), with a link to the same view on the Results page.

import { h } from '../../dom.js';
import { countryName, money, t } from '../../i18n.js';
import { facts, link, pageHeader, section } from '../../components/ui.js';
import { plural } from '../fund/format.js';
import { chapterCard } from './chapter_card.js';
import { currencyOf } from './format.js';
import { rollupPanels } from './rollup.js';
import { byCode, loadCalls, loadDonorSummary, loadIndicators } from './sources.js';

function totals(summary) {
  const rows = (summary.totals ?? []).flatMap((tot) => {
    const cur = tot.committed?.currency;
    const suffix = (summary.totals.length > 1 && cur) ? ` (${cur})` : '';
    return ['committed', 'allocated', 'disbursed'].map((s) => [`${t(`results.chapter.${s}`)}${suffix}`,
      h('span', { class: ['money-total', s], dataset: { series: s, minor: tot[s]?.amount_minor ?? 0 }, text: money(tot[s]) })]);
  });
  return facts([[t('results.summary.grants'), plural('results.grants', summary.grants ?? 0)], ...rows]);
}

export async function donorSummaryView(ctx) {
  const [summary, calls, indicators] = await Promise.all([loadDonorSummary(ctx.params.id), loadCalls(), loadIndicators()]);
  ctx.setTitle(summary.name);
  const results = summary.results ?? { groups: [], total: { indicators: [] } };
  const panels = rollupPanels(results, { by: results.group_by ?? 'chapter', indicators: byCode(indicators), currency: currencyOf(calls), level: 3 });
  return h('section', { class: 'page donor-summary', dataset: { donor: summary.id } },
    h('p', { class: 'crumbs' }, link('/donors', t('results.donors.title'))),
    pageHeader(summary.name),
    h('p', { class: 'lead' }, summary.country ? `${countryName(summary.country)} · ` : '', t('results.summary.intro')),
    section(t('results.summary.money'), totals(summary)),
    section(t('results.summary.chapters'), summary.chapters.length
      ? h('ul', { class: 'chapter-list' }, summary.chapters.map((c) => h('li', {}, chapterCard(c))))
      : h('p', { class: 'empty', text: t('results.donors.no_chapters') })),
    section(t('results.summary.results'),
      h('p', { class: 'hint', text: t('results.summary.results_hint') }),
      h('p', {}, link(`/results?${new URLSearchParams({ group_by: 'city', donor: String(summary.id) })}`, t('results.summary.open_results'), { class: 'results-link' })),
      panels.length ? panels : h('p', { class: 'empty', text: t('results.empty') })));
}
