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
  soci::statement st =
      (tx.sql().prepare << "SELECT id, proposal_id, call_id, city_org_id, supporting_org_id, "
                           "reference, state, currency, amount_minor, duration_months, signed_by, "
                           "signed_at, created_at, version, sector_code, publishable, published_at "
                           "FROM grants WHERE id = :id",
       soci::use(id), soci::into(g.id), soci::into(g.proposal_id), soci::into(g.call_id),
       soci::into(g.city_org_id), soci::into(g.supporting_org_id), soci::into(g.reference),
       soci::into(g.state), soci::into(g.currency), soci::into(g.amount_minor),
       soci::into(g.duration_months), soci::into(g.signed_by), soci::into(g.signed_at),
       soci::into(g.created_at), soci::into(g.version), soci::into(g.sector_code),
       soci::into(publishable), soci::into(g.published_at));
  st.execute();
  if (!st.fetch()) return std::nullopt;
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

std::optional<Tranche> GrantStore::loadTranche(db::Tx& tx, std::int64_t id) {
  Tranche t;
  soci::statement st =
      (tx.sql().prepare << "SELECT id, grant_id, seq, reference, state, amount_minor, trigger_kind, "
                           "report_id, requested_by, requested_at, verified_by, approved_by, "
                           "disbursed_by, disbursed_at, payment_reference, idempotency_key, version "
                           "FROM tranches WHERE id = :id",
       soci::use(id), soci::into(t.id), soci::into(t.grant_id), soci::into(t.seq),
       soci::into(t.reference), soci::into(t.state), soci::into(t.amount_minor),
       soci::into(t.trigger), soci::into(t.report_id), soci::into(t.requested_by),
       soci::into(t.requested_at), soci::into(t.verified_by), soci::into(t.approved_by),
       soci::into(t.disbursed_by), soci::into(t.disbursed_at), soci::into(t.payment_reference),
       soci::into(t.idempotency_key), soci::into(t.version));
  st.execute();
  if (!st.fetch()) return std::nullopt;
  return t;
}

std::vector<Tranche> GrantStore::tranchesOf(db::Tx& tx, std::int64_t grant_id) {
  std::vector<Tranche> out;
  for (auto id : idList(tx.sql(), "SELECT id FROM tranches WHERE grant_id = :g ORDER BY seq", grant_id)) {
    out.push_back(*loadTranche(tx, id));
  }
  return out;
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

std::optional<Report> GrantStore::loadReport(db::Tx& tx, std::int64_t id) {
  Report r;
  soci::statement st =
      (tx.sql().prepare << "SELECT id, grant_id, seq, kind, state, due_at, narrative, "
                           "submitted_by, submitted_at, accepted_by, accepted_at, version "
                           "FROM reports WHERE id = :id",
       soci::use(id), soci::into(r.id), soci::into(r.grant_id), soci::into(r.seq),
       soci::into(r.kind), soci::into(r.state), soci::into(r.due_at), soci::into(r.narrative),
       soci::into(r.submitted_by), soci::into(r.submitted_at), soci::into(r.accepted_by),
       soci::into(r.accepted_at), soci::into(r.version));
  st.execute();
  if (!st.fetch()) return std::nullopt;
  if (r.kind == "financial") r.spending = spendingOf(tx, r.id);
  return r;
}

std::vector<Report> GrantStore::reportsOf(db::Tx& tx, std::int64_t grant_id) {
  std::vector<Report> out;
  for (auto id : idList(tx.sql(), "SELECT id FROM reports WHERE grant_id = :g ORDER BY seq", grant_id)) {
    out.push_back(*loadReport(tx, id));
  }
  return out;
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
  soci::statement st =
      (tx.sql().prepare << "SELECT budget_line_id, actual_minor FROM report_spending "
                           "WHERE report_id = :r ORDER BY budget_line_id",
       soci::use(report_id), soci::into(s.budget_line_id), soci::into(s.actual_minor));
  st.execute();
  std::vector<Spending> out;
  while (st.fetch()) out.push_back(s);
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
