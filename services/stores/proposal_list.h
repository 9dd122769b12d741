#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/db/database.h"
#include "services/stores/page.h"
#include "services/stores/where.h"

namespace citygrants::stores {

// Which proposals a list shows: what the actor may see, narrowed by filters, in one order, from
// a keyset cursor on.
struct ProposalQuery {
  // Visibility: everything, or a city's own, or what a partner organisation reviews or supports.
  bool see_all = false;
  std::int64_t own_city_org_id = -1;
  std::int64_t own_partner_org_id = -1;
  // Filters.
  std::optional<std::string> state;
  std::optional<std::int64_t> call_id;
  std::optional<std::int64_t> city_org_id;
  std::optional<std::int64_t> partner_org_id;
  // Order: "id", "-id", "updated_at", "-updated_at". The cursor is the last row's sort key and
  // id (for the id orders, both are the id); both present or both absent.
  std::string sort = "id";
  std::optional<std::int64_t> after_key;
  std::optional<std::int64_t> after_id;
  int limit = 50;
};

// One proposal as a list shows it.
struct ProposalSummary {
  std::int64_t id = 0;
  std::string reference;
  std::string state;
  std::int64_t version = 1;
  std::int64_t call_id = 0;
  std::int64_t city_org_id = 0;
  std::string city_name;
  std::string title;
  std::string language;
  std::int64_t amount_minor = 0;
  std::string currency;
  std::optional<std::int64_t> award_minor;
  std::optional<std::int64_t> supporting_org_id;
  std::int64_t updated_at = 0;
};

using ProposalPage = Page<ProposalSummary>;

// REQUIRES: query.sort is one of the four orders; 1 <= limit <= 200.
ProposalPage listProposals(db::Tx& tx, const ProposalQuery& query);

// How the database reads a page of listProposals(query), in its own words (SQLite's EXPLAIN QUERY
// PLAN details, PostgreSQL's EXPLAIN lines), one line each: for tests that a page is read from
// an index in its order. Same REQUIRES.
std::string explainProposalPage(db::Tx& tx, const ProposalQuery& query);

// The visibility and the filters of `query` over proposals aliased `p`, as " WHERE ..." (or ""
// when nothing narrows them), their values exchanged into `st` by name; the sort, cursor and
// limit are not part of it. Call once per statement. Totals over the proposals a list shows
// (stats_store.h) use it too, so that both always count the same rows.
std::string proposalWhere(const ProposalQuery& query, Binds st);

// Whether the tallies kept by triggers (proposal_tallies, migrations 0026 and 0030: per call,
// city and state, the proposals, the Σ of their current versions' amounts and of their awards)
// answer for the proposals `query` selects: a reader who sees every proposal, or a city's reader,
// filtering on nothing but state, call and city. Not what a partner organisation sees, nor a
// partner filter: those depend on assignments.
bool talliesCover(const ProposalQuery& query);

// The filters of `query` over proposal_tallies aliased `t`, as " WHERE ..." (or ""), exchanged
// into `st` by name like proposalWhere. REQUIRES: talliesCover(query).
std::string tallyWhere(const ProposalQuery& query, Binds st);

}  // namespace citygrants::stores
