#pragma once

#include <cstdint>
#include <vector>

#include "modules/core/problem.h"
#include "modules/records/amendment.h"

// The arithmetic of an amendment: whether its terms are sound against the grant's terms now,
// and the grant's terms once it is applied. Pure: the use case gathers what it looks at.
namespace citygrants::grants {

using records::AmendmentTerms;
using records::GrantTerms;

// What an amendment is checked against beside the grant's terms now.
struct TermsContext {
  std::int64_t starts_at = 0;        // the grant's start (signature, else award)
  std::int64_t call_left_minor = 0;  // the call's budget not yet awarded (this grant's included)
};

inline constexpr std::size_t kMaxMilestoneChars = 200;
inline constexpr std::size_t kMaxLines = 100;
inline constexpr std::size_t kMaxTranches = 24;

// Only a scheduled tranche may be re-planned: one requested or further along is in the hands of
// the payment's four eyes, one disbursed or cancelled is history.
inline constexpr std::string_view kReplannable = "scheduled";

// Σ of the tranches disbursed.
std::int64_t disbursedOf(const GrantTerms& now);

// Every reason `change` cannot apply to the grant whose terms are `now`, each naming its field:
// kinds (nothing changes), ends_at (not after the start), amount_minor (not positive, unchanged,
// below what is disbursed, beyond the call's budget), budget_lines[i].* (unknown or twice, or
// Σ lines changed: budget_lines), tranches[i].* (unknown, twice, not replannable, milestone too
// long) and tranches (Σ tranches ≠ the new amount). Empty when it may apply.
std::vector<core::FieldError> termErrors(const GrantTerms& now, const AmendmentTerms& change,
                                         const TermsContext& ctx);

// The grant's terms once `change` applies to `now`: the next number, the new amount and end,
// each line and tranche changed (a re-planned tranche of 0 is cancelled).
// REQUIRES: termErrors(now, change, ...) is empty.
GrantTerms applied(const GrantTerms& now, const AmendmentTerms& change);

// The share of the grant a reallocation moves, in basis points: Σ of the lines' increases over
// the grant's amount (0 without a reallocation).
std::int64_t reallocationShareBp(const GrantTerms& now, const AmendmentTerms& change);

// Whether the amendment raises the grant's amount.
bool isIncrease(const GrantTerms& now, const AmendmentTerms& change);

}  // namespace citygrants::grants
