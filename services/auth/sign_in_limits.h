#pragma once

#include "services/auth/hash_gate.h"
#include "services/auth/sign_in_budget.h"

namespace citygrants::auth {

// What keeps sign-in from being a cheap way to burn the server's cores (issue 14): a budget of
// attempts per client address, checked before anything else, and a bound on the password hashes
// running at once. One per server instance, in memory.
struct SignInLimits {
  SignInBudget budget;
  HashGate gate;
};

}  // namespace citygrants::auth
