// #/board: the fund manager's pipeline — one column per proposal state in the machine's order,
// each headed by its count and money (requested, and awarded where set) exactly as the database
// has them (pipeline_source.js), then the first proposals in that state as cards linking to
// their pages, and a link to the whole list when there are more. ?call=ID keeps one call. Then
// the grants and the tranches of every call, per state with days in state (board_records.js).
// Final states, which no step leaves, fold away under a summary.

import { get, withQuery } from '../../api.js';
import { h } from '../../dom.js';
import { money, t } from '../../i18n.js';
import { stateName } from '../../components/diagram.js';
import { link, notice, pageHeader } from '../../components/ui.js';
import { workflows } from '../../components/workflows.js';
import { callFilter, loadCalls } from './call_filter.js';
import { plural } from './format.js';
import { pipelineStats } from './pipeline_source.js';
import { foldedRow, recordSection } from './board_records.js';

const CARDS_PER_COLUMN = 20;

function card(p) {
  return h('li', {}, h('a', { class: 'board-card', href: `#/proposals/${p.id}`, dataset: { id: p.id } },
    h('span', { class: 'card-ref', text: p.reference }),
    h('span', { class: 'card-city', text: p.city?.name ?? '' }),
    h('span', { class: 'card-title', text: p.title }),
    h('span', { class: 'card-amount', text: money(p.amount) })));
}

// The states of `machine` that no transition leaves.
function finalStates(machine) {
  return machine.states.filter((s) => !machine.transitions.some((tr) => tr.from === s));
}

function column(head, page, callId) {
  const id = `board-col-${head.state}`;
  const shown = page.items.length;
  const awarded = head.awarded && head.awarded.amount_minor > 0;
  const more = page.total > shown
    ? h('p', { class: 'board-more' }, link(`/proposals?${new URLSearchParams({ state: head.state, ...(callId ? { call: callId } : {}) })}`,
      plural('fund.board.more', page.total - shown), { class: 'more-link' }))
    : null;
  return h('li', { class: 'board-column', dataset: { state: head.state } },
    h('section', { 'aria-labelledby': id },
      h('header', { class: 'board-head' },
        h('h3', { id, text: stateName('proposal', head.state) }),
        h('p', { class: 'col-count', dataset: { count: head.count }, text: plural('fund.board.count', head.count) }),
        h('dl', { class: 'col-money' },
          h('dt', { text: t('fund.board.requested') }), h('dd', { class: 'col-requested', text: money(head.requested) }),
          awarded ? [h('dt', { text: t('fund.board.awarded') }), h('dd', { class: 'col-awarded', text: money(head.awarded) })] : null)),
      shown ? h('ul', { class: 'board-cards', 'aria-label': t('fund.board.cards', { state: stateName('proposal', head.state) }) }, page.items.map(card))
        : h('p', { class: 'empty', text: t('fund.board.empty') }),
      more));
}

// A card that takes the keyboard focus is brought wholly into view, its column with it (the
// browser alone stops at "partly visible").
function revealFocused(e) {
  const card = e.target.closest('.board-card');
  if (!card) return;
  const box = e.currentTarget.getBoundingClientRect();
  const r = card.getBoundingClientRect();
  if (r.left < box.left || r.right > box.right) card.closest('.board-column').scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

export async function boardView(ctx) {
  ctx.setTitle(t('fund.board.title'));
  const calls = await loadCalls();
  const callId = calls.some((c) => String(c.id) === ctx.query.call) ? ctx.query.call : undefined;
  const machines = await workflows();
  const states = machines.proposal.states;
  const [stats, pages, grants, tranches] = await Promise.all([
    pipelineStats(callId),
    Promise.all(states.map((state) => get(withQuery('/proposals', { state, call: callId, limit: CARDS_PER_COLUMN })))),
    recordSection('grant', finalStates(machines.grant), revealFocused),
    recordSection('tranche', finalStates(machines.tranche), revealFocused),
  ]);
  const pageOf = new Map(states.map((s, i) => [s, pages[i]]));
  const call = calls.find((c) => String(c.id) === callId);
  const final = finalStates(machines.proposal);
  const cols = stats.states.map((head) => ({ state: head.state, count: head.count, node: column(head, pageOf.get(head.state), callId) }));
  return h('section', { class: 'page wide fund-board' },
    pageHeader(t('fund.board.title')),
    h('p', { class: 'lead', text: call ? t('fund.board.intro_call', { call: call.code }) : t('fund.board.intro_all') }),
    callFilter(calls, callId, (value) => ctx.go('/board', { call: value })),
    stats.others.length ? notice(t('fund.other_currencies', { currency: stats.currency, others: stats.others.join(', ') }), 'warn') : null,
    h('section', { class: 'board-section', dataset: { machine: 'proposal' }, 'aria-labelledby': 'board-section-proposal' },
      h('h2', { id: 'board-section-proposal', text: t('board.proposals') }),
      foldedRow('proposal', cols.filter((c) => !final.includes(c.state)), cols.filter((c) => final.includes(c.state)), revealFocused)),
    h('p', { class: 'hint', text: t('fund.board.hint') }),
    h('p', { class: 'board-intro', text: t('board.intro_records') }),
    grants,
    tranches);
}
