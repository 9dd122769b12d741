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

bool moreUrgent(const Item& a, const Item& b, std::int64_t now) {
  const auto key = [now](const Item& i) {
    return std::make_tuple(!i.overdue(now), !i.due_at.has_value(), i.due_at.value_or(0), i.since,
                           std::string_view(i.kind), i.record.id);
  };
  return key(a) < key(b);
}

void sortByUrgency(std::vector<Item>& items, std::int64_t now) {
  std::sort(items.begin(), items.end(),
            [now](const Item& a, const Item& b) { return moreUrgent(a, b, now); });
}

std::vector<KindCount> countByKind(const std::vector<Item>& items) {
  std::map<std::string, std::int64_t> counted;
  for (const auto& i : items) ++counted[i.kind];
  std::vector<KindCount> out;
  for (const auto& k : kinds()) {
    if (auto it = counted.find(k); it != counted.end()) out.push_back({k, it->second});
  }
  return out;
}

}  // namespace citygrants::inbox
