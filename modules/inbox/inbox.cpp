#include "modules/inbox/inbox.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "modules/workflow/awaited.h"

namespace citygrants::inbox {
namespace {

template <class Types>
void addStates(std::vector<std::string>& out, const workflow::Awaits<Types>& a) {
  access::RoleSet all;
  for (auto r : access::kAllRoles) all.add(r);
  for (auto state : workflow::statesAwaitingAny(a, all))
    out.push_back(kindOf(a.machine.name, state));
}

}  // namespace

std::string kindOf(std::string_view machine, std::string_view state) {
  return std::string(machine) + "." + std::string(state);
}

std::vector<std::string> kinds() {
  std::vector<std::string> out;
  addStates(out, workflow::kProposalAwaits);
  addStates(out, workflow::kReviewAwaits);
  addStates(out, workflow::kGrantAwaits);
  addStates(out, workflow::kTrancheAwaits);
  addStates(out, workflow::kReportAwaits);
  addStates(out, workflow::kAmendmentAwaits);
  for (auto k : {kReportOverdue, kUserLocked, kSecondFactorReset, kMailFailed, kAuditVerification, kMessageFromCity,
                 kMessageFromFund}) {
    out.emplace_back(k);
  }
  return out;
}

bool moreUrgent(const Urgency& a, const Urgency& b, std::int64_t now) {
  const auto key = [now](const Urgency& u) {
    const bool overdue = u.due_at && *u.due_at < now;
    return std::make_tuple(!overdue, !u.due_at.has_value(), u.due_at.value_or(0), u.since, u.kind,
                           u.record_id);
  };
  return key(a) < key(b);
}

bool moreUrgent(const Item& a, const Item& b, std::int64_t now) {
  return moreUrgent(Urgency{a.due_at, a.since, a.kind, a.record.id},
                    Urgency{b.due_at, b.since, b.kind, b.record.id}, now);
}

void sortByUrgency(std::vector<Item>& items, std::int64_t now) {
  std::sort(items.begin(), items.end(),
            [now](const Item& a, const Item& b) { return moreUrgent(a, b, now); });
}

std::vector<KindCount> countByKind(const std::vector<Item>& items, const Uncounted& more) {
  Uncounted counted = more;
  for (const auto& i : items) ++counted[i.kind];
  std::vector<KindCount> out;
  for (const auto& k : kinds()) {
    if (auto it = counted.find(k); it != counted.end()) out.push_back({k, it->second});
  }
  return out;
}

}  // namespace citygrants::inbox
