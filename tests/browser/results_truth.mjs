// What the results pages must show, from the database of a test server (never from the page):
// per grant of a chapter, the people reached (in all and refugees) that accepted reports state
// and the targets of the approved proposal, each cut to the chapter's share of the grant —
// allocation / award, rounded down, the remainder going to the grant's last chapter.

import { execFileSync } from 'node:child_process';

// The database's own answer (sqlite3 reads the live WAL database read-only).
export function sqlOn(dbPath, query) {
  const out = execFileSync('sqlite3', ['-readonly', '-json', dbPath, query], { encoding: 'utf8' });
  return out.trim() ? JSON.parse(out) : [];
}

const accepted = (where) => `(SELECT COALESCE(SUM(c.amount), 0) FROM report_result_cells c
    JOIN report_results rr ON rr.id = c.result_id JOIN reports r ON r.id = rr.report_id
    JOIN indicators i ON i.id = rr.indicator_id
  WHERE r.grant_id = g.id AND r.state = 'accepted' AND i.code = 'people_reached' AND ${where})`;
const planned = (where) => `(SELECT COALESCE(SUM(t.amount), 0) FROM proposal_targets t
    JOIN proposal_versions v ON v.id = t.version_id JOIN indicators i ON i.id = t.indicator_id
  WHERE v.proposal_id = p.id AND v.number = p.current_version AND i.code = 'people_reached'
    AND t.period >= 1 AND ${where})`;
const REFUGEES = "c.dimension = 'population_group' AND c.value_code = 'refugee'";

// `value`'s part for the allocation `mine` of a grant whose allocations are `all` (in seq order):
// rounded down, and the last chapter takes what the others' rounding left.
export function shareOf(value, award, all, mine) {
  const part = (a) => Math.floor((value * a.amount) / award);
  const last = all.reduce((m, a) => (a.seq > m.seq ? a : m));
  if (mine.seq !== last.seq) return part(mine);
  return value - all.filter((a) => a.seq !== last.seq).reduce((s, a) => s + part(a), 0);
}

// Map city name -> {target, actual, refugeeTarget, refugeeActual} for chapter `chapterId`'s share.
export function peopleReachedByCity(dbPath, chapterId) {
  const rows = sqlOn(dbPath, `SELECT g.id, o.name AS city, g.amount_minor AS award,
      (SELECT json_group_array(json_object('chapter', a.chapter_id, 'seq', a.seq, 'amount', a.amount_minor))
         FROM grant_allocations a WHERE a.grant_id = g.id) AS allocations,
      ${accepted("c.dimension = ''")} AS actual,
      ${accepted(REFUGEES)} AS refugee_actual,
      ${planned("t.dimension = ''")} AS target,
      ${planned(REFUGEES.replaceAll('c.', 't.'))} AS refugee_target
    FROM grants g JOIN proposals p ON p.id = g.proposal_id JOIN organisations o ON o.id = g.city_org_id
    WHERE g.id IN (SELECT grant_id FROM grant_allocations WHERE chapter_id = ${Number(chapterId)})`);
  const byCity = new Map();
  for (const r of rows) {
    const all = JSON.parse(r.allocations);
    const mine = all.find((a) => a.chapter === Number(chapterId));
    const cut = (v) => shareOf(v, r.award, all, mine);
    const city = byCity.get(r.city) ?? { target: 0, actual: 0, refugeeTarget: 0, refugeeActual: 0, grants: 0, split: false };
    city.target += cut(r.target);
    city.actual += cut(r.actual);
    city.refugeeTarget += cut(r.refugee_target);
    city.refugeeActual += cut(r.refugee_actual);
    city.grants += 1;
    city.split ||= all.length > 1;
    byCity.set(r.city, city);
  }
  return byCity;
}
