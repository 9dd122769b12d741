// The board's grants and tranches (GET /board?machine=): one column per state in the machine's
// order, headed by how many the reader may see, with the cards longest in the state first, each
// saying how many days it has been there. Final states (no step leaves them) fold away.

import { get, withQuery } from '../../api.js';
import { h } from '../../dom.js';
import { money, t } from '../../i18n.js';
import { stateName } from '../../components/diagram.js';
import { link } from '../../components/ui.js';
import { plural } from './format.js';

const CARDS_PER_COLUMN = 20;
const DAY = 24 * 60 * 60 * 1000;

export function daysIn(since, now) {
  return Math.max(0, Math.floor((Date.parse(now) - Date.parse(since)) / DAY));
}

function card(machine, c, now) {
  const days = daysIn(c.state_since, now);
  const href = machine === 'grant' ? `#/grants/${c.id}` : `#/grants/${c.grant_id}`;
  return h('li', {}, h('a', { class: 'board-card', href, dataset: { id: c.id, days } },
    h('span', { class: 'card-ref', text: c.reference }),
    h('span', { class: 'card-city', text: c.city?.name ?? '' }),
    h('span', { class: 'card-title', text: c.title }),
    h('span', { class: 'card-amount', text: money(c.amount) }),
    h('span', { class: 'card-days', text: plural('board.days', days) })));
}

// One column of `machine` (grant or tranche), as the proposals' columns are drawn.
export function recordColumn(machine, col, now) {
  const id = `board-${machine}-${col.state}`;
  const more = col.count - col.cards.length;
  return h('li', { class: 'board-column', dataset: { state: col.state, machine } },
    h('section', { 'aria-labelledby': `board-section-${machine} ${id}` },
      h('header', { class: 'board-head' },
        h('h3', { id, text: stateName(machine, col.state) }),
        h('p', { class: 'col-count', dataset: { count: col.count }, text: plural(`board.${machine}.count`, col.count) })),
      col.cards.length ? h('ul', { class: 'board-cards', 'aria-label': t(`board.cards.${machine}`, { state: stateName(machine, col.state) }) },
        col.cards.map((c) => card(machine, c, now)))
        : h('p', { class: 'empty', text: t('fund.board.empty') }),
      more > 0 ? h('p', { class: 'board-more' }, link('/grants', plural('board.more', more), { class: 'more-link' })) : null));
}

// A scrolling row of columns; `label` names it for the keyboard and screen readers.
export function columnRow(label, columns, onFocus) {
  const scroller = h('div', { class: 'board-scroll', role: 'region', tabindex: '0', 'aria-label': label },
    h('ol', { class: 'board-columns' }, columns));
  scroller.addEventListener('focusin', onFocus);
  return scroller;
}

// The open columns in a row, the final ones folded under a summary that names them.
export function foldedRow(machine, open, final, onFocus) {
  return [
    columnRow(t(`board.region.${machine}`), open.map((c) => c.node), onFocus),
    final.length ? h('details', { class: 'board-final', dataset: { machine } },
      h('summary', { text: t('board.final', { states: final.map((c) => stateName(machine, c.state)).join(', '), count: final.reduce((n, c) => n + c.count, 0) }) }),
      columnRow(t('board.region.final', { machine: t(`board.${machine}s`) }), final.map((c) => c.node), onFocus)) : null,
  ];
}

// The section of `machine`'s board: its heading, open columns, folded final ones.
export async function recordSection(machine, finalStates, onFocus) {
  const board = await get(withQuery('/board', { machine, limit: CARDS_PER_COLUMN }));
  const cols = board.columns.map((col) => ({ ...col, node: recordColumn(machine, col, board.now) }));
  const id = `board-section-${machine}`;
  return h('section', { class: 'board-section', dataset: { machine }, 'aria-labelledby': id },
    h('h2', { id, text: t(`board.${machine}s`) }),
    foldedRow(machine, cols.filter((c) => !finalStates.includes(c.state)), cols.filter((c) => finalStates.includes(c.state)), onFocus));
}
