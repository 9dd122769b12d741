// Where the pipeline board's column headers come from: count, requested and awarded money per
// proposal state, summed by the database (GET /stats/pipeline[?call=ID]) over what the user may see.

import { get, withQuery } from '../../api.js';
import { workflows } from '../../components/workflows.js';

const zero = (currency) => ({ amount_minor: 0, currency });

// {currency, others: [currency codes also present], states: [{state, count, requested, awarded}]},
// one entry per state of the proposal machine, in the machine's order.
export async function pipelineStats(callId) {
  const order = (await workflows()).proposal.states;
  const answer = await get(withQuery('/stats/pipeline', { call: callId }));
  const currency = answer.currency ?? 'USD';
  const byState = new Map((answer.states ?? []).map((s) => [s.state, s]));
  return {
    currency,
    others: (answer.by_currency ?? []).map((g) => g.currency).filter((c) => c !== currency),
    states: order.map((state) => byState.get(state) ?? { state, count: 0, requested: zero(currency), awarded: null }),
  };
}
