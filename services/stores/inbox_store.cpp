#include "services/stores/inbox_store.h"

#include <map>
#include <stdexcept>

#include "services/stores/grant_list.h"
#include "services/stores/sql_util.h"
#include "services/stores/state_since.h"
#include "services/stores/tranche_list.h"
#include "services/stores/visibility.h"
#include "services/stores/where.h"

namespace citygrants::stores {
namespace {

const std::vector<std::string>& runningGrantStates() {
  static const std::vector<std::string> states(std::begin(kRunningGrantStates),
                                               std::end(kRunningGrantStates));
  return states;
}

// The grant aliased `g`: its city, and its proposal's current title.
constexpr const char* kGrantJoins =
    " JOIN organisations o ON o.id = g.city_org_id JOIN proposals p ON p.id = g.proposal_id"
    " JOIN proposal_versions v ON v.proposal_id = p.id AND v.number = p.current_version";

void exchangeParent(soci::statement& st, WaitingParent& g) {
  st.exchange(soci::into(g.id));
  st.exchange(soci::into(g.reference));
  st.exchange(soci::into(g.state));
  st.exchange(soci::into(g.city_org_id));
  st.exchange(soci::into(g.city_name));
  st.exchange(soci::into(g.supporting_org_id));
  st.exchange(soci::into(g.title));
}
constexpr const char* kParentColumns =
    "g.id, g.reference, g.state, g.city_org_id, o.name, g.supporting_org_id, v.title";

}  // namespace

std::vector<WaitingAssignment> InboxStore::assignments(db::Tx& tx, const AssignmentQuery& scope,
                                                       const std::vector<std::string>& states) {
  soci::statement st(tx.sql());
  const std::string where =
      andWhere(assignmentWhere(scope, st, false), inList(st, "a.state", states, "as"));
  WaitingAssignment w;
  auto& a = w.assignment;
  st.exchange(soci::into(a.id));
  st.exchange(soci::into(a.proposal_id));
  st.exchange(soci::into(a.version_number));
  st.exchange(soci::into(a.partner_org_id));
  st.exchange(soci::into(a.state));
  st.exchange(soci::into(w.proposal_reference));
  st.exchange(soci::into(w.proposal_state));
  st.exchange(soci::into(w.title));
  st.exchange(soci::into(w.city_org_id));
  st.exchange(soci::into(w.city_name));
  st.exchange(soci::into(w.since));
  prepareAndRun(st,
                "SELECT a.id, a.proposal_id, a.version_number, a.partner_org_id, a.state, "
                "p.reference, p.state, v.title, p.city_org_id, o.name, " +
                    stateSinceSql("review_assignment", "a", "a.created_at") +
                    " FROM review_assignments a JOIN proposals p ON p.id = a.proposal_id" +
                    kWaitingProposalJoins + where + " ORDER BY a.id");
  std::vector<WaitingAssignment> out;
  while (st.fetch()) out.push_back(w);
  return out;
}

std::vector<WaitingGrant> InboxStore::grants(db::Tx& tx, const Visibility& v,
                                             const std::vector<std::string>& states) {
  GrantQuery q;
  q.visibility = v;
  q.states = states;
  soci::statement st(tx.sql());
  const std::string where = grantWhere(q, st, false);
  WaitingGrant w;
  auto& g = w.grant;
  int open_tranches = 0;
  int final_accepted = 0;
  for (auto* x : {&g.id, &g.proposal_id, &g.call_id, &g.city_org_id, &g.supporting_org_id}) {
    st.exchange(soci::into(*x));
  }
  st.exchange(soci::into(g.reference));
  st.exchange(soci::into(g.state));
  st.exchange(soci::into(g.created_at));
  st.exchange(soci::into(w.title));
  st.exchange(soci::into(w.city_name));
  st.exchange(soci::into(open_tranches));
  st.exchange(soci::into(final_accepted));
  st.exchange(soci::into(w.since));
  // The two guards' facts read as listGrants reads them.
  prepareAndRun(
      st,
      "SELECT g.id, g.proposal_id, g.call_id, g.city_org_id, g.supporting_org_id, g.reference, "
      "g.state, g.created_at, v.title, o.name, "
      "CASE WHEN EXISTS (SELECT 1 FROM tranches t WHERE t.grant_id = g.id AND "
      "t.state NOT IN ('disbursed', 'cancelled')) THEN 1 ELSE 0 END, "
      "CASE WHEN EXISTS (SELECT 1 FROM reports r WHERE r.grant_id = g.id AND "
      "r.kind = 'final' AND r.state = 'accepted') THEN 1 ELSE 0 END, " +
          stateSinceSql("grant", "g", "g.created_at") + " FROM grants g" + kGrantJoins + where +
          " ORDER BY g.id");
  std::vector<WaitingGrant> out;
  while (st.fetch()) {
    w.tranches_settled = open_tranches == 0;
    w.final_report_accepted = final_accepted != 0;
    out.push_back(w);
  }
  return out;
}

std::vector<WaitingTranche> InboxStore::tranches(db::Tx& tx, const Visibility& v,
                                                 const std::vector<std::string>& states,
                                                 std::int64_t now) {
  TrancheQuery q;
  q.visibility = v;
  q.states = states;
  soci::statement st(tx.sql());
  const std::string where = trancheWhere(q, st, false);
  st.exchange(soci::use(now, "now"));
  WaitingTranche w;
  auto& t = w.tranche;
  int overdue = 0;
  st.exchange(soci::into(t.id));
  st.exchange(soci::into(t.grant_id));
  st.exchange(soci::into(t.seq));
  st.exchange(soci::into(t.reference));
  st.exchange(soci::into(t.state));
  st.exchange(soci::into(t.amount_minor));
  st.exchange(soci::into(t.trigger));
  for (auto* x : {&t.report_id, &t.requested_by, &t.requested_at, &t.verified_by, &t.approved_by,
                  &t.disbursed_by, &t.disbursed_at}) {
    st.exchange(soci::into(*x));
  }
  st.exchange(soci::into(t.payment_reference));
  st.exchange(soci::into(t.version));
  exchangeParent(st, w.grant);
  st.exchange(soci::into(w.previous_state));
  st.exchange(soci::into(w.report_state));
  st.exchange(soci::into(overdue));
  st.exchange(soci::into(w.since));
  // The surroundings the tranche machine's guards read, as listTranches reads them.
  prepareAndRun(
      st,
      "SELECT t.id, t.grant_id, t.seq, t.reference, t.state, t.amount_minor, t.trigger_kind, "
      "t.report_id, t.requested_by, t.requested_at, t.verified_by, t.approved_by, "
      "t.disbursed_by, t.disbursed_at, t.payment_reference, t.version, " +
          std::string(kParentColumns) +
          ", pt.state, r.state, CASE WHEN EXISTS (SELECT 1 FROM reports od WHERE "
          "od.grant_id = t.grant_id AND od.state = 'draft' AND od.due_at < :now) THEN 1 ELSE 0 "
          "END, " +
          stateSinceSql("tranche", "t", "t.created_at") +
          " FROM tranches t JOIN grants g ON g.id = t.grant_id" + kGrantJoins +
          " LEFT JOIN tranches pt ON pt.grant_id = t.grant_id AND pt.seq = t.seq - 1"
          " LEFT JOIN reports r ON r.id = t.report_id" +
          where + " ORDER BY t.id");
  std::vector<WaitingTranche> out;
  while (st.fetch()) {
    w.report_overdue = overdue != 0;
    out.push_back(w);
  }
  return out;
}

std::vector<WaitingReport> InboxStore::reports(db::Tx& tx, const Visibility& v,
                                               const std::vector<std::string>& states,
                                               bool overdue_drafts, std::int64_t now) {
  soci::statement st(tx.sql());
  std::vector<std::string> settled;  // the states asked for other than draft
  bool drafts = false;
  for (const auto& s : states) {
    if (s == "draft") {
      drafts = true;
    } else {
      settled.push_back(s);
    }
  }
  std::string any;  // the alternatives, OR-ed
  const auto either = [&](const std::string& condition) {
    any += (any.empty() ? "(" : " OR (") + condition + ")";
  };
  if (!settled.empty()) either(inList(st, "r.state", settled, "rs"));
  if (drafts || overdue_drafts) {
    const std::string running = inList(st, "g.state", runningGrantStates(), "run");
    st.exchange(soci::use(now, "now"));
    if (drafts) {  // the due drafts, overdue ones among them
      either("r.state = 'draft' AND " + running +
             " AND (r.due_at < :now OR r.due_at = (SELECT MIN(d.due_at) FROM reports d"
             " WHERE d.grant_id = r.grant_id AND d.state = 'draft'))");
    } else {
      either("r.state = 'draft' AND " + running + " AND r.due_at < :now");
    }
  }
  if (any.empty()) return {};
  std::string where = grantVisible(v, st);
  where = where.empty() ? " WHERE (" + any + ")" : " WHERE " + where + " AND (" + any + ")";
  WaitingReport w;
  auto& r = w.report;
  st.exchange(soci::into(r.id));
  st.exchange(soci::into(r.grant_id));
  st.exchange(soci::into(r.seq));
  st.exchange(soci::into(r.kind));
  st.exchange(soci::into(r.state));
  st.exchange(soci::into(r.due_at));
  exchangeParent(st, w.grant);
  st.exchange(soci::into(w.since));
  prepareAndRun(st, "SELECT r.id, r.grant_id, r.seq, r.kind, r.state, r.due_at, " +
                        std::string(kParentColumns) + ", " +
                        stateSinceSql("report", "r", "r.created_at") +
                        " FROM reports r JOIN grants g ON g.id = r.grant_id" + kGrantJoins + where +
                        " ORDER BY r.id");
  std::vector<WaitingReport> out;
  while (st.fetch()) out.push_back(w);
  return out;
}

std::vector<WaitingAmendment> InboxStore::amendments(db::Tx& tx, const Visibility& v,
                                                     const std::vector<std::string>& states) {
  soci::statement st(tx.sql());
  Where where(st);
  if (const auto visible = grantVisible(v, st); !visible.empty()) where.add(visible);
  where.in("a.state", states);
  WaitingAmendment w;
  st.exchange(soci::into(w.id));
  st.exchange(soci::into(w.state));
  exchangeParent(st, w.grant);
  st.exchange(soci::into(w.since));
  prepareAndRun(st, std::string("SELECT a.id, a.state, ") + kParentColumns + ", " +
                        stateSinceSql("amendment", "a", "a.created_at") +
                        " FROM amendments a JOIN grants g ON g.id = a.grant_id" + kGrantJoins +
                        where.sql() + " ORDER BY a.id");
  std::vector<WaitingAmendment> out;
  while (st.fetch()) out.push_back(w);
  return out;
}

}  // namespace citygrants::stores
