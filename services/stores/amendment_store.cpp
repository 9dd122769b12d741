#include "services/stores/amendment_store.h"

#include "services/stores/sql_util.h"

namespace citygrants::stores {
namespace {

void insertChildren(db::Tx& tx, std::int64_t id, const records::AmendmentTerms& t) {
  for (const auto& line : t.budget_lines) {
    tx.sql() << "INSERT INTO amendment_budget_lines (amendment_id, budget_line_id, amount_minor) "
                "VALUES (:a, :l, :m)",
        soci::use(id), soci::use(line.budget_line_id), soci::use(line.amount_minor);
  }
  for (const auto& p : t.tranches) {
    tx.sql() << "INSERT INTO amendment_tranches (amendment_id, seq, amount_minor, milestone, "
                "planned_at) VALUES (:a, :s, :m, :ms, :p)",
        soci::use(id), soci::use(p.seq), soci::use(p.amount_minor), soci::use(p.milestone),
        soci::use(p.planned_at);
  }
}

void loadChildren(db::Tx& tx, Amendment& a) {
  records::LineChange line;
  soci::statement lines =
      (tx.sql().prepare << "SELECT budget_line_id, amount_minor FROM amendment_budget_lines "
                           "WHERE amendment_id = :a ORDER BY budget_line_id",
       soci::use(a.id), soci::into(line.budget_line_id), soci::into(line.amount_minor));
  lines.execute();
  while (lines.fetch()) a.terms.budget_lines.push_back(line);
  records::TranchePlan p;
  soci::statement plans =
      (tx.sql().prepare << "SELECT seq, amount_minor, milestone, planned_at FROM "
                           "amendment_tranches WHERE amendment_id = :a ORDER BY seq",
       soci::use(a.id), soci::into(p.seq), soci::into(p.amount_minor), soci::into(p.milestone),
       soci::into(p.planned_at));
  plans.execute();
  while (plans.fetch()) a.terms.tranches.push_back(p);
}

const char* const kColumns =
    "SELECT id, grant_id, state, reason, proposed_by_city, proposed_by, new_ends_at, "
    "new_amount_minor, requested_at, reviewed_by, review_note, approved_by, approved_at, "
    "applied_by, applied_at, terms_number, created_at, version FROM amendments ";

// Runs `where` (one bound id) over kColumns; every amendment it finds, children loaded.
std::vector<Amendment> select(db::Tx& tx, const std::string& where, std::int64_t param) {
  Amendment a;
  int by_city = 1;
  soci::statement st =
      (tx.sql().prepare << std::string(kColumns) + where, soci::use(param), soci::into(a.id),
       soci::into(a.grant_id), soci::into(a.state), soci::into(a.reason), soci::into(by_city),
       soci::into(a.proposed_by), soci::into(a.terms.ends_at), soci::into(a.terms.amount_minor),
       soci::into(a.requested_at), soci::into(a.reviewed_by), soci::into(a.review_note),
       soci::into(a.approved_by), soci::into(a.approved_at), soci::into(a.applied_by),
       soci::into(a.applied_at), soci::into(a.terms_version), soci::into(a.created_at),
       soci::into(a.version));
  std::vector<Amendment> out;
  st.execute();
  while (st.fetch()) {
    a.proposed_by_city = by_city != 0;
    out.push_back(a);
  }
  for (auto& each : out) loadChildren(tx, each);
  return out;
}

}  // namespace

std::vector<std::string> kindsOf(const records::AmendmentTerms& terms) {
  std::vector<std::string> out;
  if (terms.ends_at) out.emplace_back("extension");
  if (terms.amount_minor) out.emplace_back("amount");
  if (!terms.budget_lines.empty()) out.emplace_back("reallocation");
  if (!terms.tranches.empty()) out.emplace_back("replan");
  return out;
}

std::string joinKinds(const records::AmendmentTerms& terms) { return joinList(kindsOf(terms)); }

std::int64_t AmendmentStore::insert(db::Tx& tx, const Amendment& a, std::int64_t now) {
  std::int64_t id = 0;
  const int by_city = a.proposed_by_city ? 1 : 0;
  const std::string kinds = joinKinds(a.terms);
  tx.sql() << "INSERT INTO amendments (grant_id, state, kinds, reason, proposed_by_city, "
              "proposed_by, new_ends_at, new_amount_minor, created_at, updated_at) VALUES (:g, "
              ":s, :k, :r, :c, :p, :e, :m, :now, :now2) RETURNING id",
      soci::use(a.grant_id), soci::use(a.state), soci::use(kinds), soci::use(a.reason),
      soci::use(by_city), soci::use(a.proposed_by), soci::use(a.terms.ends_at),
      soci::use(a.terms.amount_minor), soci::use(now), soci::use(now), soci::into(id);
  insertChildren(tx, id, a.terms);
  return id;
}

std::optional<Amendment> AmendmentStore::load(db::Tx& tx, std::int64_t id) {
  auto found = select(tx, "WHERE id = :id", id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<Amendment> AmendmentStore::ofGrant(db::Tx& tx, std::int64_t grant_id) {
  return select(tx, "WHERE grant_id = :g ORDER BY id DESC", grant_id);
}

std::vector<std::int64_t> AmendmentStore::idsOfGrant(db::Tx& tx, std::int64_t grant_id) {
  return idList(tx.sql(), "SELECT id FROM amendments WHERE grant_id = :g ORDER BY id", grant_id);
}

void AmendmentStore::update(db::Tx& tx, const Amendment& a, std::int64_t now) {
  soci::statement st =
      (tx.sql().prepare << "UPDATE amendments SET state = :s, requested_at = :ra, "
                           "reviewed_by = :rb, review_note = :rn, approved_by = :ab, "
                           "approved_at = :aa, applied_by = :pb, applied_at = :pa, "
                           "terms_number = :tn, updated_at = :now, version = version + 1 "
                           "WHERE id = :id AND version = :v",
       soci::use(a.state), soci::use(a.requested_at), soci::use(a.reviewed_by),
       soci::use(a.review_note), soci::use(a.approved_by), soci::use(a.approved_at),
       soci::use(a.applied_by), soci::use(a.applied_at), soci::use(a.terms_version),
       soci::use(now), soci::use(a.id), soci::use(a.version));
  executeVersioned(st, "amendment");
}

std::vector<GrantTerms> AmendmentStore::termsOf(db::Tx& tx, std::int64_t grant_id) {
  GrantTerms t;
  std::int64_t terms_id = 0;
  std::vector<std::pair<std::int64_t, GrantTerms>> found;
  soci::statement st =
      (tx.sql().prepare << "SELECT id, number, amendment_id, amount_minor, ends_at, created_at "
                           "FROM grant_terms WHERE grant_id = :g ORDER BY number",
       soci::use(grant_id), soci::into(terms_id), soci::into(t.number),
       soci::into(t.amendment_id), soci::into(t.amount_minor), soci::into(t.ends_at),
       soci::into(t.created_at));
  st.execute();
  while (st.fetch()) found.emplace_back(terms_id, t);
  std::vector<GrantTerms> out;
  for (auto& [id, terms] : found) {
    records::LineChange line;
    soci::statement lines =
        (tx.sql().prepare << "SELECT budget_line_id, amount_minor FROM grant_term_lines "
                             "WHERE terms_id = :t ORDER BY budget_line_id",
         soci::use(id), soci::into(line.budget_line_id), soci::into(line.amount_minor));
    lines.execute();
    while (lines.fetch()) terms.budget_lines.push_back(line);
    records::TermTranche tr;
    soci::statement tranches =
        (tx.sql().prepare << "SELECT seq, amount_minor, milestone, planned_at, state FROM "
                             "grant_term_tranches WHERE terms_id = :t ORDER BY seq",
         soci::use(id), soci::into(tr.seq), soci::into(tr.amount_minor),
         soci::into(tr.milestone), soci::into(tr.planned_at), soci::into(tr.state));
    tranches.execute();
    while (tranches.fetch()) terms.tranches.push_back(tr);
    out.push_back(std::move(terms));
  }
  return out;
}

void AmendmentStore::insertTerms(db::Tx& tx, std::int64_t grant_id, const GrantTerms& t,
                                 std::int64_t now) {
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO grant_terms (grant_id, number, amendment_id, amount_minor, ends_at, "
              "created_at) VALUES (:g, :n, :a, :m, :e, :now) RETURNING id",
      soci::use(grant_id), soci::use(t.number), soci::use(t.amendment_id),
      soci::use(t.amount_minor), soci::use(t.ends_at), soci::use(now), soci::into(id);
  for (const auto& line : t.budget_lines) {
    tx.sql() << "INSERT INTO grant_term_lines (terms_id, budget_line_id, amount_minor) "
                "VALUES (:t, :l, :m)",
        soci::use(id), soci::use(line.budget_line_id), soci::use(line.amount_minor);
  }
  for (const auto& tr : t.tranches) {
    tx.sql() << "INSERT INTO grant_term_tranches (terms_id, seq, amount_minor, milestone, "
                "planned_at, state) VALUES (:t, :s, :m, :ms, :p, :st)",
        soci::use(id), soci::use(tr.seq), soci::use(tr.amount_minor), soci::use(tr.milestone),
        soci::use(tr.planned_at), soci::use(tr.state);
  }
}

std::optional<std::int64_t> AmendmentStore::grantEndsAt(db::Tx& tx, std::int64_t grant_id) {
  std::optional<std::int64_t> ends_at;
  tx.sql() << "SELECT ends_at FROM grants WHERE id = :g", soci::use(grant_id),
      soci::into(ends_at);
  return ends_at;
}

void AmendmentStore::updateGrantTerms(db::Tx& tx, std::int64_t grant_id, std::int64_t version,
                                      std::int64_t amount_minor, std::int64_t ends_at,
                                      std::int64_t now) {
  soci::statement st =
      (tx.sql().prepare << "UPDATE grants SET amount_minor = :m, ends_at = :e, updated_at = :now, "
                           "version = version + 1 WHERE id = :id AND version = :v",
       soci::use(amount_minor), soci::use(ends_at), soci::use(now), soci::use(grant_id),
       soci::use(version));
  executeVersioned(st, "grant");
}

void AmendmentStore::replanTranche(db::Tx& tx, std::int64_t tranche_id, std::int64_t version,
                                   std::int64_t amount_minor, const std::string& state,
                                   std::int64_t now) {
  soci::statement st =
      (tx.sql().prepare << "UPDATE tranches SET amount_minor = :m, state = :s, updated_at = :now, "
                           "version = version + 1 WHERE id = :id AND version = :v",
       soci::use(amount_minor), soci::use(state), soci::use(now), soci::use(tranche_id),
       soci::use(version));
  executeVersioned(st, "tranche");
}

void AmendmentStore::moveReportDue(db::Tx& tx, std::int64_t report_id, std::int64_t version,
                                   std::int64_t due_at, std::int64_t now) {
  soci::statement st =
      (tx.sql().prepare << "UPDATE reports SET due_at = :d, updated_at = :now, "
                           "version = version + 1 WHERE id = :id AND version = :v",
       soci::use(due_at), soci::use(now), soci::use(report_id), soci::use(version));
  executeVersioned(st, "report");
}

int AmendmentStore::reallocationReviewBp(db::Tx& tx, std::int64_t call_id) {
  int bp = 1000;
  tx.sql() << "SELECT reallocation_review_bp FROM calls WHERE id = :c", soci::use(call_id),
      soci::into(bp);
  return bp;
}

}  // namespace citygrants::stores
