#include "modules/clock/reminders.h"

#include <algorithm>
#include <stdexcept>

namespace citygrants::clock {
namespace {

constexpr std::string_view kRecordNames[] = {"report", "assignment", "award", "call"};

}  // namespace

const Window& windowOf(ReminderKind kind) {
  for (const auto& w : kWindows) {
    if (w.kind == kind) return w;
  }
  throw std::logic_error("a reminder kind without a window");
}

std::optional<ReminderKind> reminderKindNamed(std::string_view name) {
  for (const auto& w : kWindows) {
    if (w.name == name) return w.kind;
  }
  return std::nullopt;
}

std::string_view recordKindName(RecordKind kind) {
  return kRecordNames[static_cast<std::size_t>(kind)];
}

std::optional<RecordKind> recordKindNamed(std::string_view name) {
  for (std::size_t i = 0; i < std::size(kRecordNames); ++i) {
    if (kRecordNames[i] == name) return static_cast<RecordKind>(i);
  }
  return std::nullopt;
}

bool isLive(const Fact& f) {
  switch (f.record) {
    case RecordKind::kReport:
      return f.state == "draft" && f.parent_state == "active";
    case RecordKind::kAssignment:
      return f.state == "assigned" || f.state == "in_progress";
    case RecordKind::kAward:
      return f.state == "award_proposed";
    case RecordKind::kCall:
      return f.state == "open";
  }
  return false;
}

std::vector<Due> remindersDue(std::span<const Fact> facts, const std::set<Key>& recorded,
                              std::int64_t now) {
  std::vector<Due> out;
  for (std::size_t i = 0; i < facts.size(); ++i) {
    const Fact& f = facts[i];
    if (!isLive(f)) continue;
    // kWindows lists each ladder earliest first: the last open one is the latest.
    const Window* latest = nullptr;
    std::vector<ReminderKind> earlier;
    for (const auto& w : kWindows) {
      if (w.record != f.record || f.anchor_ms + w.opens_after_ms > now) continue;
      if (latest != nullptr) earlier.push_back(latest->kind);
      latest = now < f.anchor_ms + w.closes_after_ms ? &w : nullptr;
    }
    if (latest == nullptr) continue;
    auto key = [&](ReminderKind k) { return Key{f.record, f.record_id, k, f.recipient_org_id}; };
    if (recorded.count(key(latest->kind)) > 0) continue;
    Due due{i, latest->kind, f.anchor_ms + latest->opens_after_ms, {}};
    std::copy_if(earlier.begin(), earlier.end(), std::back_inserter(due.passed),
                 [&](ReminderKind k) { return recorded.count(key(k)) == 0; });
    out.push_back(std::move(due));
  }
  return out;
}

}  // namespace citygrants::clock
