#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "modules/access/actor_disclosure.h"
#include "modules/access/role.h"
#include "services/stores/grant_list.h"
#include "services/stores/grant_store.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// The organisations a grant, its tranches and its reports belong to: the city and the
// supporting partner.
access::Scope grantScope(const stores::Grant& grant);
// The same, as naming the people who act on them needs (access::discloseTo).
access::Parties grantParties(const stores::Grant& grant);

// Loads a grant the actor may see; throws Problem::notFound(entity) when there is none or the
// actor may not see it (a tranche or report of an invisible grant is "not found" too).
stores::Grant loadVisibleGrant(db::Tx& tx, const Actor& actor, std::int64_t grant_id,
                               std::string_view entity = "grant");

// A grant as a reader sees it, with the events they may fire now.
using GrantView = WithActions<stores::Grant>;

// The grant as `actor` sees it in `tx`, with the events they may fire now and who signed it.
GrantView grantViewOf(db::Tx& tx, const Actor& actor, const stores::Grant& g);

struct GrantList {
  std::vector<GrantView> items;
  std::int64_t total = 0;  // all grants matching, on every page
  bool more = false;       // another page follows the last item
  std::size_t size() const { return items.size(); }  // on this page
  bool empty() const { return items.empty(); }
};

// A grant from its agreement to its close-out.
class GrantService {
 public:
  explicit GrantService(Context ctx) : ctx_(ctx) {}

  // Fires sign | suspend | resume | complete | close | terminate. `sign` records who signed and
  // when; `terminate` also cancels every open tranche, each with its own audit row.
  // kNotFound when the actor may not see the grant, kStaleVersion on a stale expected_version.
  GrantView fire(const Actor& actor, std::int64_t grant_id, const TransitionRequest& req);

  // kNotFound when the actor may not see it.
  GrantView get(const Actor& actor, std::int64_t grant_id);

  // A page of the grants the actor may see, oldest first: fund managers and auditors all,
  // applicants their city's, partners the ones their organisation supports; the query's
  // visibility is set here. REQUIRES: 1 <= query.limit <= 200, query.states are grant states.
  GrantList list(const Actor& actor, stores::GrantQuery query = {});

  // The grant an approval of the proposal created; kNotFound when there is none or the actor
  // may not see it.
  GrantView ofProposal(const Actor& actor, std::int64_t proposal_id);

  // The grant's tranches in order (seq); kNotFound when the actor may not see the grant.
  std::vector<stores::Tranche> tranches(const Actor& actor, std::int64_t grant_id);

  // The grant's reports in order (seq); kNotFound when the actor may not see the grant.
  std::vector<stores::Report> reports(const Actor& actor, std::int64_t grant_id);

  // The events the actor may fire on `grant` now (roles, scope and guards evaluated).
  std::vector<std::string> actions(const Actor& actor, const stores::Grant& grant);

 private:
  Context ctx_;
};

}  // namespace citygrants::usecases
