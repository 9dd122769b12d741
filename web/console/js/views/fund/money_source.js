// Where the chart's numbers come from: planned (the grants' amounts) and disbursed money per call
// or per city, summed by the database (GET /stats/money?by=call|city) over what the user may see.

import { get, withQuery } from '../../api.js';

// {by, currency, others: [currency codes also present], items: [{id, name, grants, planned, disbursed}]}.
export async function moneyStats(by) {
  const answer = await get(withQuery('/stats/money', { by }));
  return { ...answer, others: (answer.by_currency ?? []).map((g) => g.currency).filter((c) => c !== answer.currency) };
}
