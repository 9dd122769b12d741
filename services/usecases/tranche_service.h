#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "services/stores/grant_store.h"
#include "services/stores/tranche_list.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// One tranche of a list, with what it shows of its grant and the events the reader may fire now.
struct TrancheListEntry {
  stores::Tranche tranche;
  stores::TrancheGrant grant;
  std::vector<std::string> actions;
  Actors actors;  // requested_by, verified_by, approved_by, disbursed_by as the reader knows them
};

struct TrancheList {
  std::vector<TrancheListEntry> items;
  std::int64_t total = 0;  // all tranches matching, on every page
  bool more = false;       // another page follows the last item
};

// A tranche as a reader sees it: the record, its grant's currency, and the events they may fire.
struct TrancheView : stores::Tranche {
  std::string currency = "USD";
  std::vector<std::string> actions;
  Actors actors;  // requested_by, verified_by, approved_by, disbursed_by as the reader knows them
  bool replayed = false;  // a retried disbursement, answered without changing anything
  std::int64_t proposal_id = 0;  // its grant's proposal: the family it is read from (read_keys.h)
};

// A grant's disbursements: request, verification, four-eyes approval and payment. Every view of
// a tranche names who did each step as the reader may know them (one read of the directory per
// call, however many tranches).
class TrancheService {
 public:
  explicit TrancheService(Context ctx) : ctx_(ctx) {}

  // Fires request | verify | send_back | approve | disburse | cancel on a tranche.
  // A `disburse` retried with the idempotency key that already disbursed this tranche answers
  // the disbursed tranche unchanged (no second payment, no second audit row; `replayed` set),
  // whatever its expected_version; a key already used by another disbursement is kConflict.
  // kNotFound when the actor may not see the tranche's grant.
  TrancheView fire(const Actor& actor, std::int64_t tranche_id, const TransitionRequest& req);

  // kNotFound when the actor may not see the tranche's grant.
  TrancheView get(const Actor& actor, std::int64_t tranche_id);

  // The tranches of a grant in order (seq), each with its actions; kNotFound when the actor may
  // not see the grant.
  std::vector<TrancheView> ofGrant(const Actor& actor, std::int64_t grant_id);

  // A page of the tranches of the grants the actor may see (fund managers and auditors all,
  // applicants their city's, partners those their organisation supports), in id order; the
  // query's visibility and time are set here. REQUIRES: 1 <= query.limit <= 200, query.states
  // are tranche states (at most 6).
  TrancheList list(const Actor& actor, stores::TrancheQuery query);

  // The events the actor may fire on `tranche` now (roles, scope and guards evaluated).
  std::vector<std::string> actions(const Actor& actor, const stores::Tranche& tranche);

 private:
  Context ctx_;
};

}  // namespace citygrants::usecases
