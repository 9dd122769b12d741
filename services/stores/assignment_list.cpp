#include "services/stores/assignment_list.h"

#include <stdexcept>

#include "services/stores/sql_util.h"
#include "services/stores/where.h"

namespace citygrants::stores {

std::string assignmentWhere(const AssignmentQuery& q, soci::statement& st, bool with_cursor) {
  Where where(st);
  if (!q.see_all) where.add("a.partner_org_id = :own_partner", q.own_partner_org_id, "own_partner");
  if (q.state) where.add("a.state = :state", *q.state, "state");
  if (with_cursor && q.before_id) where.add("a.id < :before", *q.before_id, "before");
  return where.sql();
}

AssignmentPage listAssignments(db::Tx& tx, const AssignmentQuery& q) {
  if (q.limit < 1 || q.limit > 200) throw std::invalid_argument("bad list query");
  AssignmentPage page;
  {
    soci::statement count(tx.sql());
    const std::string where = assignmentWhere(q, count, false);
    count.exchange(soci::into(page.total));
    prepareAndRun(count, "SELECT COUNT(*) FROM review_assignments a" + where);
    count.fetch();
  }
  soci::statement st(tx.sql());
  const std::string where = assignmentWhere(q, st, true);
  AssignmentListItem i;
  auto& a = i.assignment;
  auto& p = i.proposal;
  st.exchange(soci::into(a.id));
  st.exchange(soci::into(a.proposal_id));
  st.exchange(soci::into(a.version_number));
  st.exchange(soci::into(a.partner_org_id));
  st.exchange(soci::into(a.state));
  st.exchange(soci::into(a.reviewer_id));
  st.exchange(soci::into(a.declared_at));
  st.exchange(soci::into(a.reason));
  st.exchange(soci::into(a.comment));
  st.exchange(soci::into(a.submitted_at));
  st.exchange(soci::into(a.created_by));
  st.exchange(soci::into(a.version));
  st.exchange(soci::into(a.due_at));
  st.exchange(soci::into(p.reference));
  st.exchange(soci::into(p.state));
  st.exchange(soci::into(p.city_org_id));
  st.exchange(soci::into(p.city_name));
  st.exchange(soci::into(p.supporting_org_id));
  st.exchange(soci::into(p.title));
  st.exchange(soci::into(p.amount_minor));
  st.exchange(soci::into(p.currency));
  st.exchange(soci::into(i.criteria));
  st.exchange(soci::into(i.scored_criteria));
  st.exchange(soci::into(i.scores));
  prepareAndRun(
      st,
      "SELECT a.id, a.proposal_id, a.version_number, a.partner_org_id, a.state, a.reviewer_id, "
      "a.declared_at, a.reason, a.comment, a.submitted_at, a.created_by, a.version, a.due_at, "
      "p.reference, p.state, p.city_org_id, o.name, p.supporting_org_id, v.title, v.amount_minor, "
      "c.currency, "
      "(SELECT COUNT(*) FROM criteria k WHERE k.call_id = p.call_id), "
      "(SELECT COUNT(*) FROM review_scores s JOIN criteria ks ON ks.id = s.criterion_id "
      "WHERE s.assignment_id = a.id AND ks.call_id = p.call_id), "
      "(SELECT COUNT(*) FROM review_scores s2 WHERE s2.assignment_id = a.id) "
      "FROM review_assignments a JOIN proposals p ON p.id = a.proposal_id "
      "JOIN proposal_versions v ON v.proposal_id = p.id AND v.number = p.current_version "
      "JOIN organisations o ON o.id = p.city_org_id JOIN calls c ON c.id = p.call_id" +
          where + " ORDER BY a.id DESC LIMIT " + std::to_string(q.limit + 1));
  while (st.fetch()) {
    if (static_cast<int>(page.items.size()) == q.limit) {
      page.more = true;
      break;
    }
    p.id = a.proposal_id;
    page.items.push_back(i);
  }
  return page;
}

}  // namespace citygrants::stores
