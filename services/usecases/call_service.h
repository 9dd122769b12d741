#pragma once

#include <vector>

#include "modules/proposals/validation.h"
#include "services/stores/call_store.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// A call as a reader sees it, with the events they may fire now.
using CallView = WithActions<stores::Call>;

// Setting up, opening, closing and archiving calls (funding rounds).
class CallService {
 public:
  explicit CallService(Context ctx) : ctx_(ctx) {}

  // Creates a draft call. REQUIRES: actor may set up calls (admin, fund manager).
  // Every invalid field is named: code, title, currency, money, dates, criteria, tranche plan.
  CallView create(const Actor& actor, stores::Call call);

  // Fires open | close | archive.
  CallView fire(const Actor& actor, std::int64_t call_id, const TransitionRequest& req);

  // Any signed-in user sees calls (cities must know what they can apply to).
  CallView get(const Actor& actor, std::int64_t call_id);
  std::vector<CallView> list(const Actor& actor);
  std::vector<std::string> actions(const Actor& actor, const stores::Call& call);

 private:
  Context ctx_;
};

// The call's terms that proposal validation needs.
proposals::CallTerms termsOf(const stores::Call& call);

}  // namespace citygrants::usecases
