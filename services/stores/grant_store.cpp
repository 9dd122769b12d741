#include "services/stores/grant_store.h"

#include "services/stores/sql_util.h"

namespace citygrants::stores {
std::int64_t GrantStore::insert(db::Tx& tx, const Grant& g, std::int64_t now) {
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO grants (proposal_id, call_id, city_org_id, supporting_org_id, reference, "
              "state, currency, amount_minor, duration_months, sector_code, created_at, updated_at) "
              "VALUES (:p, :call, :city, :sup, :ref, :state, :cur, :amount, :dur, :sector, :now, "
              ":now2) RETURNING id",
      soci::use(g.proposal_id), soci::use(g.call_id), soci::use(g.city_org_id),
      soci::use(g.supporting_org_id), soci::use(g.reference), soci::use(g.state),
      soci::use(g.currency), soci::use(g.amount_minor), soci::use(g.duration_months),
      soci::use(g.sector_code), soci::use(now), soci::use(now), soci::into(id);
  return id;
}

std::optional<Grant> GrantStore::load(db::Tx& tx, std::int64_t id) {
  Grant g;
  int publishable = 0;
  auto st = tx.prepared(
      "SELECT id, proposal_id, call_id, city_org_id, supporting_org_id, reference, state, currency, "
      "amount_minor, duration_months, signed_by, signed_at, created_at, version, sector_code, "
      "publishable, published_at FROM grants WHERE id = :id");
  st.use(id).into(g.id).into(g.proposal_id).into(g.call_id).into(g.city_org_id).into(g.supporting_org_id);
  st.into(g.reference).into(g.state).into(g.currency).into(g.amount_minor).into(g.duration_months);
  st.into(g.signed_by).into(g.signed_at).into(g.created_at).into(g.version).into(g.sector_code);
  st.into(publishable).into(g.published_at);
  if (!st.execute()) return std::nullopt;
  g.publishable = publishable != 0;
  return g;
}

std::optional<std::int64_t> GrantStore::idForProposal(db::Tx& tx, std::int64_t proposal_id) {
  auto ids = idList(tx.sql(), "SELECT id FROM grants WHERE proposal_id = :p", proposal_id);
  if (ids.empty()) return std::nullopt;
  return ids.front();
}

void GrantStore::update(db::Tx& tx, const Grant& g, std::int64_t now) {
  const int publishable = g.publishable ? 1 : 0;
  soci::statement st =
      (tx.sql().prepare << "UPDATE grants SET state = :state, signed_by = :sb, signed_at = :sa, "
                           "sector_code = :sector, publishable = :pub, published_at = :pat, "
                           "updated_at = :now, version = version + 1 WHERE id = :id AND version = :v",
       soci::use(g.state), soci::use(g.signed_by), soci::use(g.signed_at), soci::use(g.sector_code),
       soci::use(publishable), soci::use(g.published_at), soci::use(now), soci::use(g.id),
       soci::use(g.version));
  executeVersioned(st, "grant");
}

std::int64_t GrantStore::insertTranche(db::Tx& tx, const Tranche& t, std::int64_t now) {
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO tranches (grant_id, seq, reference, state, amount_minor, trigger_kind, "
              "report_id, created_at, updated_at) VALUES (:g, :s, :ref, :state, :amount, :trig, "
              ":rep, :now, :now2) RETURNING id",
      soci::use(t.grant_id), soci::use(t.seq), soci::use(t.reference), soci::use(t.state),
      soci::use(t.amount_minor), soci::use(t.trigger), soci::use(t.report_id), soci::use(now),
      soci::use(now), soci::into(id);
  return id;
}

namespace {

// The tranches a condition selects (`where`, a constant text binding one value, `key`), in its
// order: one statement kept prepared, however many tranches.
std::vector<Tranche> queryTranches(db::Tx& tx, const char* where, std::int64_t key) {
  Tranche t;
  auto st = tx.prepared(
      std::string("SELECT id, grant_id, seq, reference, state, amount_minor, trigger_kind, report_id, "
                  "requested_by, requested_at, verified_by, approved_by, disbursed_by, disbursed_at, "
                  "payment_reference, idempotency_key, version FROM tranches ") + where);
  st.use(key).into(t.id).into(t.grant_id).into(t.seq).into(t.reference).into(t.state).into(t.amount_minor);
  st.into(t.trigger).into(t.report_id).into(t.requested_by).into(t.requested_at).into(t.verified_by);
  st.into(t.approved_by).into(t.disbursed_by).into(t.disbursed_at).into(t.payment_reference);
  st.into(t.idempotency_key).into(t.version);
  std::vector<Tranche> out;
  for (bool row = st.execute(); row; row = st.fetch()) out.push_back(t);
  return out;
}

}  // namespace

std::optional<Tranche> GrantStore::loadTranche(db::Tx& tx, std::int64_t id) {
  auto found = queryTranches(tx, "WHERE id = :id", id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<Tranche> GrantStore::tranchesOf(db::Tx& tx, std::int64_t grant_id) {
  return queryTranches(tx, "WHERE grant_id = :g ORDER BY seq", grant_id);
}

std::optional<std::int64_t> GrantStore::trancheIdForKey(db::Tx& tx, const std::string& key) {
  std::int64_t id = 0;
  soci::indicator ind = soci::i_null;
  tx.sql() << "SELECT id FROM tranches WHERE idempotency_key = :k", soci::use(key),
      soci::into(id, ind);
  if (!tx.sql().got_data() || ind == soci::i_null) return std::nullopt;
  return id;
}

void GrantStore::updateTranche(db::Tx& tx, const Tranche& t, std::int64_t now) {
  soci::statement st =
      (tx.sql().prepare << "UPDATE tranches SET state = :state, requested_by = :rb, "
                           "requested_at = :ra, verified_by = :vb, approved_by = :ab, "
                           "disbursed_by = :db, disbursed_at = :da, payment_reference = :pr, "
                           "idempotency_key = :ik, updated_at = :now, version = version + 1 "
                           "WHERE id = :id AND version = :v",
       soci::use(t.state), soci::use(t.requested_by), soci::use(t.requested_at),
       soci::use(t.verified_by), soci::use(t.approved_by), soci::use(t.disbursed_by),
       soci::use(t.disbursed_at), soci::use(t.payment_reference), soci::use(t.idempotency_key),
       soci::use(now), soci::use(t.id), soci::use(t.version));
  executeVersioned(st, "tranche");
}

std::int64_t GrantStore::insertReport(db::Tx& tx, const Report& r, std::int64_t now) {
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO reports (grant_id, seq, kind, state, due_at, created_at, updated_at) "
              "VALUES (:g, :s, :kind, :state, :due, :now, :now2) RETURNING id",
      soci::use(r.grant_id), soci::use(r.seq), soci::use(r.kind), soci::use(r.state),
      soci::use(r.due_at), soci::use(now), soci::use(now), soci::into(id);
  return id;
}

namespace {

// The reports a condition selects (`where`, a constant text binding one value, `key`), in its
// order, each financial one with its spending.
std::vector<Report> queryReports(db::Tx& tx, const char* where, std::int64_t key) {
  std::vector<Report> out;
  {
    Report r;
    auto st = tx.prepared(
        std::string("SELECT id, grant_id, seq, kind, state, due_at, narrative, submitted_by, submitted_at, "
                    "accepted_by, accepted_at, version FROM reports ") + where);
    st.use(key).into(r.id).into(r.grant_id).into(r.seq).into(r.kind).into(r.state).into(r.due_at);
    st.into(r.narrative).into(r.submitted_by).into(r.submitted_at).into(r.accepted_by);
    st.into(r.accepted_at).into(r.version);
    for (bool row = st.execute(); row; row = st.fetch()) out.push_back(r);
  }
  for (auto& r : out) {
    if (r.kind == "financial") r.spending = GrantStore::spendingOf(tx, r.id);
  }
  return out;
}

}  // namespace

std::optional<Report> GrantStore::loadReport(db::Tx& tx, std::int64_t id) {
  auto found = queryReports(tx, "WHERE id = :id", id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<Report> GrantStore::reportsOf(db::Tx& tx, std::int64_t grant_id) {
  return queryReports(tx, "WHERE grant_id = :g ORDER BY seq", grant_id);
}

void GrantStore::updateReport(db::Tx& tx, const Report& r, std::int64_t now) {
  soci::statement st =
      (tx.sql().prepare << "UPDATE reports SET state = :state, narrative = :n, submitted_by = :sb, "
                           "submitted_at = :sa, accepted_by = :ab, accepted_at = :aa, "
                           "updated_at = :now, version = version + 1 WHERE id = :id AND version = :v",
       soci::use(r.state), soci::use(r.narrative), soci::use(r.submitted_by),
       soci::use(r.submitted_at), soci::use(r.accepted_by), soci::use(r.accepted_at),
       soci::use(now), soci::use(r.id), soci::use(r.version));
  executeVersioned(st, "report");
}

std::vector<Spending> GrantStore::spendingOf(db::Tx& tx, std::int64_t report_id) {
  Spending s;
  auto st = tx.prepared(
      "SELECT budget_line_id, actual_minor FROM report_spending WHERE report_id = :r "
      "ORDER BY budget_line_id");
  st.use(report_id).into(s.budget_line_id).into(s.actual_minor);
  std::vector<Spending> out;
  for (bool row = st.execute(); row; row = st.fetch()) out.push_back(s);
  return out;
}

void GrantStore::replaceSpending(db::Tx& tx, std::int64_t report_id,
                                 const std::vector<Spending>& spending) {
  auto& sql = tx.sql();
  sql << "DELETE FROM report_spending WHERE report_id = :r", soci::use(report_id);
  for (const auto& s : spending) {
    sql << "INSERT INTO report_spending (report_id, budget_line_id, actual_minor) "
           "VALUES (:r, :b, :a)",
        soci::use(report_id), soci::use(s.budget_line_id), soci::use(s.actual_minor);
  }
}

}  // namespace citygrants::stores
