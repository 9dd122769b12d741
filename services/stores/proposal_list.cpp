#include "services/stores/proposal_list.h"

#include <stdexcept>

#include "services/stores/sql_util.h"

namespace citygrants::stores {

namespace {

// Whether `q` is read for a partner organisation's reader: what it supports or reviews besides
// its own, where a city's reader sees its own alone (and its totals come from the tallies).
bool readForPartner(const ProposalQuery& q) { return !q.see_all && q.own_partner_org_id >= 0; }

// The ids of the proposals organisation `org` supports or reviews (an assignment neither
// cancelled nor declined), each part on its index; binds `org` as :name and :name2.
std::string supportedOrReviewed(Binds st, const std::int64_t& org, const std::string& name) {
  st.use(org, name);
  st.use(org, name + "2");
  return "SELECT sup.id FROM proposals sup WHERE sup.supporting_org_id = :" + name +
         " UNION ALL SELECT ra.proposal_id FROM review_assignments ra WHERE ra.partner_org_id = :" +
         name + "2 AND ra.state NOT IN ('cancelled', 'declined')";
}

}  // namespace

bool talliesCover(const ProposalQuery& q) { return !readForPartner(q) && !q.partner_org_id; }

std::string tallyWhere(const ProposalQuery& q, Binds st) {
  Where where(st);
  if (!q.see_all) where.add("t.city_org_id = :own_city", q.own_city_org_id, "own_city");
  if (q.state) where.add("t.state = :state", *q.state, "state");
  if (q.call_id) where.add("t.call_id = :call", *q.call_id, "call");
  if (q.city_org_id) where.add("t.city_org_id = :city", *q.city_org_id, "city");
  return where.sql();
}

std::string proposalWhere(const ProposalQuery& q, Binds st) {
  Where where(st);
  if (readForPartner(q)) {
    // What the organisation's own, supports or reviews, as the set of those proposals' ids: each
    // part on its index, so that a page and its total read the partner's proposals, not every
    // proposal of the filter checked against three conditions (12 ms for a page at 100,000).
    st.use(q.own_city_org_id, "own_city");
    where.add(
        "p.id IN (SELECT mine.id FROM proposals mine WHERE mine.city_org_id = :own_city"
        " UNION ALL " +
        supportedOrReviewed(st, q.own_partner_org_id, "own_partner") + ")");
  } else if (!q.see_all) {
    // A city's own (a reader of no partner organisation): on the (city, state, id) index, where
    // the partner's condition above would read every proposal of the state, or of the fund.
    where.add("p.city_org_id = :own_city", q.own_city_org_id, "own_city");
  }
  if (q.state) where.add("p.state = :state", *q.state, "state");
  if (q.call_id) where.add("p.call_id = :call", *q.call_id, "call");
  if (q.city_org_id) where.add("p.city_org_id = :city", *q.city_org_id, "city");
  if (q.partner_org_id) {
    where.add("p.id IN (" + supportedOrReviewed(st, *q.partner_org_id, "partner") + ")");
  }
  return where.sql();
}

namespace {

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

const Order& orderOf(const ProposalQuery& q) {
  for (const auto& o : kOrders) {
    if (q.sort == o.name && q.limit >= 1 && q.limit <= 200) return o;
  }
  throw std::invalid_argument("bad list query");
}

// The statement of a page of `q` in `order` after `prefix` ("", or a plan's EXPLAIN), its values
// bound: `limit` (the page's length and one more, to learn whether there is more) must outlive
// it. `where` is proposalWhere's text for `q`.
db::Prepared pageStatement(db::Tx& tx, const ProposalQuery& q, const Order& order,
                           std::string where, const int& limit, const std::string& prefix) {
  const std::string k = order.key;
  const std::string cmp = order.cmp;
  if (q.after_key && q.after_id) {
    where += std::string(where.empty() ? " WHERE " : " AND ") + "(" + k + " " + cmp + " :key1 OR (" + k +
             " = :key2 AND p.id " + cmp + " :id1))";
  }
  auto st = tx.prepared(
      prefix +
      "SELECT p.id, p.reference, p.state, p.version, p.call_id, p.city_org_id, o.name, v.title, "
      "v.language, v.amount_minor, c.currency, p.award_minor, p.supporting_org_id, p.updated_at "
      "FROM proposals p "
      "JOIN proposal_versions v ON v.proposal_id = p.id AND v.number = p.current_version "
      "JOIN organisations o ON o.id = p.city_org_id JOIN calls c ON c.id = p.call_id" +
      where + " ORDER BY " + k + order.dir + ", p.id" + order.dir + " LIMIT :lim");
  proposalWhere(q, st);
  if (q.after_key && q.after_id) {
    st.use(*q.after_key, "key1").use(*q.after_key, "key2").use(*q.after_id, "id1");
  }
  st.use(limit, "lim");
  return st;
}

// proposalWhere's text for `q`: it depends only on which filters are present, so the
// statements built on it are kept prepared per connection, one per shape of query.
std::string whereText(const ProposalQuery& q) { return proposalWhere(q, Binds()); }

// The list's total. A reader who sees every proposal, or a city's reader, filtering on nothing
// but state, call and city, gets it from the tallies kept by triggers (migration 0026): a few
// rows whatever the size of the fund, where counting the rows grows with it. Lists of what a
// partner organisation reviews or supports count their rows.
std::int64_t totalOf(db::Tx& tx, const ProposalQuery& q, const std::string& where) {
  std::int64_t total = 0;
  if (!talliesCover(q)) {
    auto count = tx.prepared("SELECT COUNT(*) FROM proposals p" + where);
    proposalWhere(q, count);
    count.into(total);
    count.execute();
    return total;
  }
  const auto tally_where = tallyWhere(q, Binds());
  auto sum = tx.prepared("SELECT COALESCE(SUM(t.n), 0) FROM proposal_tallies t" + tally_where);
  tallyWhere(q, sum);
  sum.into(total);
  sum.execute();
  return total;
}

}  // namespace

ProposalPage listProposals(db::Tx& tx, const ProposalQuery& q) {
  const Order& order = orderOf(q);
  const std::string where = whereText(q);
  ProposalPage page;
  page.total = totalOf(tx, q, where);
  const int limit = q.limit + 1;
  auto st = pageStatement(tx, q, order, where, limit, "");
  ProposalSummary s;
  st.into(s.id).into(s.reference).into(s.state).into(s.version).into(s.call_id).into(s.city_org_id);
  st.into(s.city_name).into(s.title).into(s.language).into(s.amount_minor).into(s.currency);
  st.into(s.award_minor).into(s.supporting_org_id).into(s.updated_at);
  for (bool row = st.execute(); row; row = st.fetch()) {
    if (static_cast<int>(page.items.size()) == q.limit) {
      page.more = true;
      break;
    }
    page.items.push_back(s);
  }
  return page;
}

std::string explainProposalPage(db::Tx& tx, const ProposalQuery& q) {
  const int limit = q.limit + 1;
  const bool sqlite = tx.dialect() == db::Dialect::kSqlite;
  auto st = pageStatement(tx, q, orderOf(q), whereText(q), limit,
                          sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ");
  // SQLite: (id, parent, notused, detail); PostgreSQL: one line of text a row.
  int id = 0, parent = 0, unused = 0;
  std::string line, plan;
  if (sqlite) st.into(id).into(parent).into(unused);
  st.into(line);
  for (bool row = st.execute(); row; row = st.fetch()) plan += line + "\n";
  return plan;
}

}  // namespace citygrants::stores
