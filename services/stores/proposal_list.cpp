#include "services/stores/proposal_list.h"

#include <stdexcept>

#include "services/stores/sql_util.h"

namespace citygrants::stores {
namespace {

// The filters and visibility, shared by the page query and the count. Every value is bound;
// an absent filter is bound as NULL (typed, for PostgreSQL).
constexpr const char* kWhere =
    " WHERE (:all = 1 OR p.city_org_id = :own_city OR p.supporting_org_id = :own_partner"
    "   OR EXISTS (SELECT 1 FROM review_assignments a WHERE a.proposal_id = p.id"
    "     AND a.partner_org_id = :own_partner2 AND a.state NOT IN ('cancelled', 'declined')))"
    " AND (CAST(:state AS TEXT) IS NULL OR p.state = :state2)"
    " AND (CAST(:call AS BIGINT) IS NULL OR p.call_id = :call2)"
    " AND (CAST(:city AS BIGINT) IS NULL OR p.city_org_id = :city2)"
    " AND (CAST(:partner AS BIGINT) IS NULL OR p.supporting_org_id = :partner2"
    "   OR EXISTS (SELECT 1 FROM review_assignments b WHERE b.proposal_id = p.id"
    "     AND b.partner_org_id = :partner3 AND b.state NOT IN ('cancelled', 'declined')))";

// The orders a list may take: the sort key expression and the direction. Both come from this
// table, never from the request.
struct Order {
  const char* name;
  const char* key;  // p.id or p.updated_at
  const char* cmp;  // ">" ascending, "<" descending
  const char* dir;
};
constexpr Order kOrders[] = {
    {"id", "p.id", ">", ""},
    {"-id", "p.id", "<", " DESC"},
    {"updated_at", "p.updated_at", ">", ""},
    {"-updated_at", "p.updated_at", "<", " DESC"},
};

}  // namespace

ProposalPage listProposals(db::Tx& tx, const ProposalQuery& q) {
  const Order* order = nullptr;
  for (const auto& o : kOrders) {
    if (q.sort == o.name) order = &o;
  }
  if (order == nullptr || q.limit < 1 || q.limit > 200) throw std::invalid_argument("bad list query");
  auto& sql = tx.sql();
  const int all = q.see_all ? 1 : 0;
  ProposalPage page;
  sql << std::string("SELECT COUNT(*) FROM proposals p") + kWhere, soci::use(all, "all"),
      soci::use(q.own_city_org_id, "own_city"), soci::use(q.own_partner_org_id, "own_partner"),
      soci::use(q.own_partner_org_id, "own_partner2"), soci::use(q.state, "state"),
      soci::use(q.state, "state2"), soci::use(q.call_id, "call"), soci::use(q.call_id, "call2"),
      soci::use(q.city_org_id, "city"), soci::use(q.city_org_id, "city2"),
      soci::use(q.partner_org_id, "partner"), soci::use(q.partner_org_id, "partner2"),
      soci::use(q.partner_org_id, "partner3"), soci::into(page.total);

  const std::string k = order->key;
  const std::string cmp = order->cmp;
  const std::string query =
      "SELECT p.id, p.reference, p.state, p.version, p.call_id, p.city_org_id, o.name, v.title, "
      "v.language, v.amount_minor, c.currency, p.award_minor, p.supporting_org_id, p.updated_at "
      "FROM proposals p JOIN proposal_versions v ON v.proposal_id = p.id AND v.number = p.current_version "
      "JOIN organisations o ON o.id = p.city_org_id JOIN calls c ON c.id = p.call_id" +
      std::string(kWhere) + " AND (CAST(:key0 AS BIGINT) IS NULL OR " + k + " " + cmp + " :key1 OR (" + k +
      " = :key2 AND p.id " + cmp + " :id1)) ORDER BY " + k + order->dir + ", p.id" + order->dir +
      " LIMIT " + std::to_string(q.limit + 1);
  ProposalSummary s;
  soci::statement st = (sql.prepare << query, soci::use(all, "all"),
                        soci::use(q.own_city_org_id, "own_city"), soci::use(q.own_partner_org_id, "own_partner"),
                        soci::use(q.own_partner_org_id, "own_partner2"), soci::use(q.state, "state"),
                        soci::use(q.state, "state2"), soci::use(q.call_id, "call"), soci::use(q.call_id, "call2"),
                        soci::use(q.city_org_id, "city"), soci::use(q.city_org_id, "city2"),
                        soci::use(q.partner_org_id, "partner"), soci::use(q.partner_org_id, "partner2"),
                        soci::use(q.partner_org_id, "partner3"), soci::use(q.after_key, "key0"),
                        soci::use(q.after_key, "key1"), soci::use(q.after_key, "key2"),
                        soci::use(q.after_id, "id1"),
                        soci::into(s.id), soci::into(s.reference), soci::into(s.state), soci::into(s.version),
                        soci::into(s.call_id), soci::into(s.city_org_id), soci::into(s.city_name),
                        soci::into(s.title), soci::into(s.language), soci::into(s.amount_minor),
                        soci::into(s.currency), soci::into(s.award_minor), soci::into(s.supporting_org_id),
                        soci::into(s.updated_at));
  st.execute();
  while (st.fetch()) {
    if (static_cast<int>(page.items.size()) == q.limit) {
      page.more = true;
      break;
    }
    page.items.push_back(s);
  }
  return page;
}

}  // namespace citygrants::stores
