#pragma once

#include <optional>
#include <string>
#include <vector>

#include "services/stores/amendment_store.h"
#include "services/usecases/amendment_service.h"
#include "tests/services/grant_world.h"

namespace citygrants::testing {

// A signed grant (GrantWorld: 333,333.33 in tranches of 40/40/20 %, two budget lines) and the
// amendment service, with helpers to draft and walk amendments.
struct AmendmentWorld : GrantWorld {
  static constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

  AmendmentWorld() { sign(); }

  usecases::AmendmentDraft extension(std::int64_t days) {
    usecases::AmendmentDraft d{"the programme started late", {}};
    d.terms.ends_at = amendments.terms(fm1, grant_id).versions.back().ends_at + days * kDayMs;
    return d;
  }

  // Moves `amount` from the first budget line to the second.
  usecases::AmendmentDraft reallocation(std::int64_t amount) {
    const auto lines = amendments.terms(fm1, grant_id).versions.back().budget_lines;
    usecases::AmendmentDraft d{"rents rose, fewer case workers needed", {}};
    d.terms.budget_lines = {{lines.at(0).budget_line_id, lines.at(0).amount_minor - amount},
                            {lines.at(1).budget_line_id, lines.at(1).amount_minor + amount}};
    return d;
  }

  // A new amount, the difference on the last tranche.
  usecases::AmendmentDraft amountChange(std::int64_t amount) {
    usecases::AmendmentDraft d{"more families arrived", {}};
    d.terms.amount_minor = amount;
    const auto last = tranche(3);
    d.terms.tranches = {{3, last.amount_minor + amount - grant().amount_minor, "final report",
                         std::nullopt}};
    return d;
  }

  usecases::AmendmentView fire(const access::Actor& who, std::int64_t id, const std::string& e,
                               std::optional<std::string> reason = {}) {
    const auto v = amendments.get(who, id).version;
    return amendments.fire(who, id, event(e, std::move(reason), v));
  }

  // Requests, approves (fm1) and applies (fm2) the amendment `id`.
  usecases::AmendmentView walk(const access::Actor& requester, std::int64_t id) {
    fire(requester, id, "request");
    fire(fm1, id, "approve");
    return fire(fm2, id, "apply");
  }

  std::int64_t mails(const std::string& key) {
    return count(ctx.db, "SELECT COUNT(*) FROM outbox_mail WHERE template = '" + key + "'");
  }

  usecases::AmendmentService amendments{ctx};
};

}  // namespace citygrants::testing
