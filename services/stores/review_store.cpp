#include "services/stores/review_store.h"

#include "services/stores/sql_util.h"

namespace citygrants::stores {

std::int64_t ReviewStore::insert(db::Tx& tx, const Assignment& a, std::int64_t now) {
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO review_assignments (proposal_id, version_number, partner_org_id, state, "
              "created_by, created_at, updated_at) VALUES (:p, :n, :org, :state, :by, :now, :now2) "
              "RETURNING id",
      soci::use(a.proposal_id), soci::use(a.version_number), soci::use(a.partner_org_id),
      soci::use(a.state), soci::use(a.created_by), soci::use(now), soci::use(now), soci::into(id);
  return id;
}

std::optional<Assignment> ReviewStore::load(db::Tx& tx, std::int64_t id) {
  Assignment a;
  soci::statement st =
      (tx.sql().prepare << "SELECT id, proposal_id, version_number, partner_org_id, state, "
                           "reviewer_id, declared_at, reason, comment, submitted_at, created_by, "
                           "version FROM review_assignments WHERE id = :id",
       soci::use(id), soci::into(a.id), soci::into(a.proposal_id), soci::into(a.version_number),
       soci::into(a.partner_org_id), soci::into(a.state), soci::into(a.reviewer_id),
       soci::into(a.declared_at), soci::into(a.reason), soci::into(a.comment),
       soci::into(a.submitted_at), soci::into(a.created_by), soci::into(a.version));
  st.execute();
  if (!st.fetch()) return std::nullopt;
  return a;
}

std::vector<Assignment> ReviewStore::forProposal(db::Tx& tx, std::int64_t proposal_id) {
  std::vector<Assignment> out;
  for (auto i : idList(tx.sql(), "SELECT id FROM review_assignments WHERE proposal_id = :p ORDER BY id",
                       proposal_id)) out.push_back(*load(tx, i));
  return out;
}

void ReviewStore::update(db::Tx& tx, const Assignment& a, std::int64_t now) {
  soci::statement st =
      (tx.sql().prepare << "UPDATE review_assignments SET state = :state, reviewer_id = :rev, "
                           "declared_at = :decl, reason = :reason, comment = :comment, "
                           "submitted_at = :sub, updated_at = :now, version = version + 1 "
                           "WHERE id = :id AND version = :v",
       soci::use(a.state), soci::use(a.reviewer_id), soci::use(a.declared_at), soci::use(a.reason),
       soci::use(a.comment), soci::use(a.submitted_at), soci::use(now), soci::use(a.id),
       soci::use(a.version));
  executeVersioned(st, "review assignment");
}

std::vector<StoredScore> ReviewStore::scores(db::Tx& tx, std::int64_t assignment_id) {
  StoredScore s;
  soci::statement st =
      (tx.sql().prepare << "SELECT criterion_id, score, comment FROM review_scores "
                           "WHERE assignment_id = :a ORDER BY criterion_id",
       soci::use(assignment_id), soci::into(s.score.criterion_id), soci::into(s.score.value),
       soci::into(s.comment));
  st.execute();
  std::vector<StoredScore> out;
  while (st.fetch()) out.push_back(s);
  return out;
}

void ReviewStore::replaceScores(db::Tx& tx, std::int64_t assignment_id,
                                const std::vector<StoredScore>& scores) {
  auto& sql = tx.sql();
  sql << "DELETE FROM review_scores WHERE assignment_id = :a", soci::use(assignment_id);
  for (const auto& s : scores) {
    sql << "INSERT INTO review_scores (assignment_id, criterion_id, score, comment) "
           "VALUES (:a, :c, :s, :comment)",
        soci::use(assignment_id), soci::use(s.score.criterion_id), soci::use(s.score.value),
        soci::use(s.comment);
  }
}

}  // namespace citygrants::stores
