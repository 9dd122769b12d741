#include <string>
#include <vector>

#include "services/usecases/amendment_service.h"
#include "services/usecases/grant_service.h"
#include "tests/services/random_driver.h"

// The random driver's amendment steps: drafts of every kind, sound or not, by anyone (mostly the
// grant's city or a fund manager). Its events are fired by amendmentEvent (random_driver.cpp).
namespace citygrants::testing {

std::string RandomDriver::amendmentDraft() {
  const auto id = anyId("grants", chance(85) ? "state IN ('active', 'suspended')" : "");
  if (id == 0) return "no grant";
  const auto& who = chance(40) ? fund_.applicant_a
                    : chance(50) ? (chance(50) ? fund_.fm1 : fund_.fm2)
                                 : anyActor();
  usecases::AmendmentService s(fund_.ctx);
  const auto now = s.terms(fund_.fm1, id).versions.back();
  usecases::AmendmentDraft d{chance(95) ? "the programme changed" : "", {}};
  if (chance(30)) d.terms.ends_at = now.ends_at + (below(800) - 400) * 24LL * 60 * 60 * 1000;
  std::vector<int> open;
  for (const auto& t : now.tranches) {
    if (t.state == "scheduled" || chance(10)) open.push_back(t.seq);
  }
  if (chance(40) && !open.empty()) {
    // A new amount, the difference on one tranche (mostly a scheduled one).
    const std::int64_t delta = (below(4) - 2) * 1'000'000 + below(1'000'000);
    d.terms.amount_minor = now.amount_minor + delta;
    const int seq = open[static_cast<std::size_t>(below(static_cast<int>(open.size())))];
    for (const auto& t : now.tranches) {
      if (t.seq == seq) d.terms.tranches.push_back({seq, t.amount_minor + delta, "amended", {}});
    }
  } else if (chance(50) && open.size() >= 2) {
    // A re-plan: money moves between two tranches.
    const std::int64_t moved = below(3'000'000);
    d.terms.tranches.push_back({open[0], now.tranches[open[0] - 1].amount_minor - moved, "", {}});
    d.terms.tranches.push_back({open[1], now.tranches[open[1] - 1].amount_minor + moved +
                                             (chance(10) ? 1 : 0), "", {}});
  }
  if (chance(40) && now.budget_lines.size() >= 2) {
    const std::int64_t moved = below(static_cast<int>(now.budget_lines[0].amount_minor / 4 + 1));
    d.terms.budget_lines = {
        {now.budget_lines[0].budget_line_id, now.budget_lines[0].amount_minor - moved},
        {now.budget_lines[1].budget_line_id,
         now.budget_lines[1].amount_minor + moved + (chance(10) ? 7 : 0)}};
  }
  const auto a = s.create(who, id, d);
  return "amendment " + std::to_string(a.id) + " drafted by " + std::to_string(who.user_id);
}

}  // namespace citygrants::testing
