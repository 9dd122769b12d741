#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "services/stores/grant_store.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// A grant's disbursements: request, verification, four-eyes approval and payment.
class TrancheService {
 public:
  explicit TrancheService(Context ctx) : ctx_(ctx) {}

  // Fires request | verify | send_back | approve | disburse | cancel on a tranche.
  // A `disburse` retried with the idempotency key that already disbursed this tranche answers
  // the disbursed tranche unchanged (no second payment, no second audit row), whatever its
  // expected_version; a key already used by another disbursement is kConflict.
  // kNotFound when the actor may not see the tranche's grant.
  stores::Tranche fire(const Actor& actor, std::int64_t tranche_id, const TransitionRequest& req);
  // Whether the last fire() was a retried disbursement answered without changing anything.
  bool replayed() const { return replayed_; }

  // kNotFound when the actor may not see the tranche's grant.
  stores::Tranche get(const Actor& actor, std::int64_t tranche_id);

  // The events the actor may fire on `tranche` now (roles, scope and guards evaluated).
  std::vector<std::string> actions(const Actor& actor, const stores::Tranche& tranche);

 private:
  Context ctx_;
  bool replayed_ = false;
};

}  // namespace citygrants::usecases
