// One funding chapter: its name, code and theme, how many grants it pays, and a bar of its money:
// committed (the full, tallest bar), allocated to grants (inside it) and disbursed (the thinnest,
// hatched), told apart by height and pattern as well as colour, with the same amounts in words.

import { h, svg, uid } from '../../dom.js';
import { money, t } from '../../i18n.js';
import { plural } from '../fund/format.js';
import { percent } from './format.js';

const SERIES = ['committed', 'allocated', 'disbursed'];
const BAR = { width: 1000, height: 30 };
const LAYER = { committed: [0, 30], allocated: [5, 20], disbursed: [10, 10] };  // [y, height]

// Whole percent of `part` in `whole`, rounded down (integers only); null without a whole.
function share(part, whole) {
  return whole > 0 ? Math.floor((part * 100) / whole) : null;
}

function amounts(chapter) {
  return Object.fromEntries(SERIES.map((s) => [s, chapter[s]?.amount_minor ?? 0]));
}

// The chapter's money as a bar (role="img", its title the same amounts in words).
export function fundingBar(chapter) {
  const m = amounts(chapter);
  const most = Math.max(1, ...Object.values(m));
  const titleId = uid('fb-title');
  const hatch = uid('fb-hatch');
  const label = t('results.chapter.bar_label', { committed: money(chapter.committed), allocated: money(chapter.allocated), disbursed: money(chapter.disbursed) });
  return svg('svg', { class: 'funding-bar', viewBox: `0 0 ${BAR.width} ${BAR.height}`, preserveAspectRatio: 'none', role: 'img', 'aria-labelledby': titleId },
    svg('title', { id: titleId }, label),
    svg('defs', {}, svg('pattern', { id: hatch, width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      svg('rect', { width: 8, height: 8, class: 'fb-hatch-bg' }), svg('line', { x1: 0, y1: 0, x2: 0, y2: 8, class: 'fb-hatch-line' }))),
    SERIES.map((s) => svg('rect', {
      class: ['fb', `fb-${s}`], x: 0, y: LAYER[s][0], height: LAYER[s][1], width: (m[s] * BAR.width) / most,
      fill: s === 'disbursed' ? `url(#${hatch})` : undefined, dataset: { series: s, minor: m[s] },
    })));
}

// The three amounts in words, each with its swatch and its share of the commitment.
function moneyList(chapter) {
  const m = amounts(chapter);
  return h('dl', { class: 'chapter-money' }, SERIES.map((s) => {
    const pct = s === 'committed' ? null : share(m[s], m.committed);
    return h('div', { class: ['money-row', s], dataset: { series: s, minor: m[s] } },
      h('dt', {}, h('span', { class: ['fb-swatch', `fb-swatch-${s}`], 'aria-hidden': 'true' }), t(`results.chapter.${s}`)),
      h('dd', {}, h('span', { class: 'amount', text: money(chapter[s]) }),
        pct === null ? null : h('span', { class: 'share', text: ` ${t('results.chapter.of_committed', { pct: percent(pct) })}` })));
  }));
}

// The chapter as an <article>; `tools(headingId)` (the edit button and its form) go at its end.
export function chapterCard(chapter, { level = 3, tools } = {}) {
  const id = uid('chapter');
  return h('article', { class: 'chapter-card', dataset: { chapter: chapter.id }, 'aria-labelledby': id },
    h(`h${level}`, { id, class: 'chapter-name' }, h('span', { text: chapter.name }), ' ', h('span', { class: 'badge chapter-code', text: chapter.code })),
    chapter.theme ? h('p', { class: 'chapter-theme', text: chapter.theme }) : null,
    h('p', { class: 'chapter-grants', dataset: { grants: chapter.grants ?? 0 }, text: plural('results.grants', chapter.grants ?? 0) }),
    fundingBar(chapter),
    moneyList(chapter),
    tools ? tools(id) : null);
}
