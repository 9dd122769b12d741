#include "services/stores/review_store.h"

#include "modules/clock/reminders.h"
#include "services/stores/sql_util.h"

namespace citygrants::stores {

std::int64_t ReviewStore::insert(db::Tx& tx, const Assignment& a, std::int64_t now) {
  std::int64_t id = 0;
  const std::int64_t due_at = now + clock::kReviewDueMs;
  tx.sql() << "INSERT INTO review_assignments (proposal_id, version_number, partner_org_id, state, "
              "created_by, created_at, updated_at, due_at) "
              "VALUES (:p, :n, :org, :state, :by, :now, :now2, :due) RETURNING id",
      soci::use(a.proposal_id), soci::use(a.version_number), soci::use(a.partner_org_id),
      soci::use(a.state), soci::use(a.created_by), soci::use(now), soci::use(now),
      soci::use(due_at), soci::into(id);
  return id;
}

namespace {

constexpr const char* kAssignmentColumns =
    "SELECT id, proposal_id, version_number, partner_org_id, state, reviewer_id, declared_at, "
    "reason, comment, submitted_at, created_by, version, due_at FROM review_assignments ";

// The assignments `where` (one of this file's constant clauses) selects, its one value bound as
// :v, in id order.
std::vector<Assignment> selectAssignments(db::Tx& tx, const std::string& where, std::int64_t value) {
  Assignment a;
  auto st = tx.prepared(std::string(kAssignmentColumns) + where + " ORDER BY id");
  st.use(value).into(a.id).into(a.proposal_id).into(a.version_number).into(a.partner_org_id);
  st.into(a.state).into(a.reviewer_id).into(a.declared_at).into(a.reason).into(a.comment);
  st.into(a.submitted_at).into(a.created_by).into(a.version).into(a.due_at);
  std::vector<Assignment> out;
  for (bool row = st.execute(); row; row = st.fetch()) out.push_back(a);
  return out;
}

}  // namespace

std::optional<Assignment> ReviewStore::load(db::Tx& tx, std::int64_t id) {
  auto found = selectAssignments(tx, "WHERE id = :v", id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

// One query for all of them: the views and the facts of a proposal read this on every request.
std::vector<Assignment> ReviewStore::forProposal(db::Tx& tx, std::int64_t proposal_id) {
  return selectAssignments(tx, "WHERE proposal_id = :v", proposal_id);
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
