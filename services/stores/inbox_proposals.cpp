// The proposals the inbox reads (InboxStore::proposals, proposalCounts): a fund can have tens of
// thousands waiting, and the inbox shows at most a few hundred of them.
#include <string>

#include "services/stores/inbox_store.h"
#include "services/stores/sql_util.h"

namespace citygrants::stores {
namespace {

// " WHERE ..." for the proposals `query` names among those `scope` sees, exchanged into `st`.
std::string waitingWhere(soci::statement& st, const ProposalQuery& scope,
                         const WaitingProposalQuery& query) {
  std::string named;
  if (!query.states.empty()) named = inList(st, "p.state", query.states, "ps");
  if (!query.ids.empty()) {
    named += (named.empty() ? "" : " OR ") + inList(st, "p.id", query.ids, "pi");
  }
  return andWhere(proposalWhere(scope, st), "(" + (named.empty() ? "1 = 0" : named) + ")");
}

// Every assignment of the proposals `query` names, by proposal id.
std::map<std::int64_t, std::vector<Assignment>> assignmentsOf(db::Tx& tx,
                                                              const ProposalQuery& scope,
                                                              const WaitingProposalQuery& query) {
  soci::statement st(tx.sql());
  const std::string where = waitingWhere(st, scope, query);
  Assignment a;
  st.exchange(soci::into(a.id));
  st.exchange(soci::into(a.proposal_id));
  st.exchange(soci::into(a.version_number));
  st.exchange(soci::into(a.partner_org_id));
  st.exchange(soci::into(a.state));
  prepareAndRun(st,
                "SELECT a.id, a.proposal_id, a.version_number, a.partner_org_id, a.state "
                "FROM review_assignments a JOIN proposals p ON p.id = a.proposal_id" +
                    where + " ORDER BY a.id");
  std::map<std::int64_t, std::vector<Assignment>> out;
  while (st.fetch()) out[a.proposal_id].push_back(a);
  return out;
}

}  // namespace

WaitingProposals InboxStore::proposals(db::Tx& tx, const ProposalQuery& scope,
                                       const WaitingProposalQuery& query) {
  soci::statement st(tx.sql());
  const std::string where = waitingWhere(st, scope, query);
  // The translation is in the version's row, which nothing else here reads (the index
  // proposal_versions_summary covers the rest): read only where a guard looks at it.
  const std::string translated =
      query.translation_read_in.empty()
          ? std::string("0")
          : "CASE WHEN " + inList(st, "p.state", query.translation_read_in, "ts") +
                " THEN (SELECT CASE WHEN tv.translation_en IS NULL OR TRIM(tv.translation_en) = '' "
                "THEN 0 ELSE 1 END FROM proposal_versions tv WHERE tv.id = v.id) ELSE 0 END";
  WaitingProposal w;
  WaitingCall c;
  auto& p = w.proposal;
  for (auto* v : {&p.id, &p.call_id, &p.city_org_id}) st.exchange(soci::into(*v));
  st.exchange(soci::into(p.reference));
  st.exchange(soci::into(p.state));
  st.exchange(soci::into(p.current_version));
  st.exchange(soci::into(p.supporting_org_id));
  st.exchange(soci::into(p.award_minor));
  st.exchange(soci::into(p.award_proposed_by));
  st.exchange(soci::into(p.created_at));
  st.exchange(soci::into(w.title));
  st.exchange(soci::into(w.city_name));
  st.exchange(soci::into(w.requested_minor));
  st.exchange(soci::into(w.language));
  st.exchange(soci::into(w.translated));
  st.exchange(soci::into(c.call.state));
  for (auto* v : {&c.call.closes_at, &c.call.threshold_minor, &c.call.budget_minor,
                  &c.awarded_total, &w.since}) {
    st.exchange(soci::into(*v));
  }
  prepareAndRun(
      st,
      "SELECT p.id, p.call_id, p.city_org_id, p.reference, p.state, p.current_version, "
      "p.supporting_org_id, p.award_minor, p.award_proposed_by, p.created_at, v.title, o.name, "
      "v.amount_minor, v.language, " +
          translated +
          ", c.state, c.closes_at, c.threshold_minor, c.budget_minor, "
          "COALESCE(ag.awarded, 0), p.state_since FROM proposals p" +
          kWaitingProposalJoins +
          " JOIN calls c ON c.id = p.call_id LEFT JOIN (SELECT call_id, SUM(amount_minor) AS "
          "awarded FROM grants GROUP BY call_id) ag ON ag.call_id = p.call_id" +
          where);  // in no order: ordered by the state index, not a scan of every proposal
  WaitingProposals out;
  while (st.fetch()) {
    out.rows.push_back(w);
    if (!out.calls.contains(p.call_id)) {
      c.call.id = p.call_id;
      out.calls.emplace(p.call_id, c);
    }
  }
  auto assignments = assignmentsOf(tx, scope, query);
  for (auto& item : out.rows) item.assignments = std::move(assignments[item.proposal.id]);
  return out;
}

std::vector<std::int64_t> InboxStore::longestWaiting(db::Tx& tx,
                                                     const std::vector<std::string>& states,
                                                     int limit) {
  soci::statement st(tx.sql());
  std::string query;
  for (std::size_t i = 0; i < states.size(); ++i) {
    const std::string k = std::to_string(i);
    st.exchange(soci::use(states[i], "ls" + k));
    query += (i == 0 ? "" : " UNION ALL ") + std::string("SELECT id FROM (SELECT l.id FROM ") +
             "proposals l WHERE l.state = :ls" + k + " ORDER BY l.state_since, l.id LIMIT " +
             std::to_string(limit) + ") l" + k;
  }
  std::int64_t id = 0;
  st.exchange(soci::into(id));
  prepareAndRun(st, query);
  std::vector<std::int64_t> out;
  while (st.fetch()) out.push_back(id);
  return out;
}

std::map<std::string, std::int64_t, std::less<>> InboxStore::proposalCounts(
    db::Tx& tx, const std::vector<std::string>& states) {
  // The tallies the triggers keep per call, city and state (migration 0026): a few rows a state,
  // however many proposals. SUM of a BIGINT is NUMERIC on PostgreSQL: cast back.
  soci::statement st(tx.sql());
  const std::string in = inList(st, "state", states, "cs");
  std::string state;
  std::int64_t n = 0;
  st.exchange(soci::into(state));
  st.exchange(soci::into(n));
  prepareAndRun(st, "SELECT state, CAST(SUM(n) AS BIGINT) FROM proposal_tallies WHERE " + in +
                        " GROUP BY state");
  std::map<std::string, std::int64_t, std::less<>> out;
  while (st.fetch()) out[state] = n;
  return out;
}

}  // namespace citygrants::stores
