#include "modules/access/thread_access.h"

namespace citygrants::access {
namespace {

using R = Role;
constexpr VisibilitySet kShared = kSharedOnly;
constexpr VisibilitySet kBoth = kSharedAndInternal;
constexpr VisibilitySet kNone = kNoMessages;

// clang-format off
constexpr ThreadRule kThreadRules[] = {
  // role            reach                reads    writes   side
  {R::kApplicant,    Reach::kOwnCity,     kShared, kShared, Side::kCity},     // the record's city
  {R::kFundManager,  Reach::kFund,        kBoth,   kBoth,   Side::kFund},
  {R::kPartner,      Reach::kOwnPartner,  kBoth,   kBoth,   Side::kPartner},  // supporting or assigned
  {R::kAuditor,      Reach::kFund,        kBoth,   kNone,   Side::kFund},     // reads, writes nothing
};
// clang-format on

bool applies(const ThreadRule& row, const Actor& actor, const Scope& scope) {
  return actor.roles.has(row.role) && withinReach(actor, row.reach, scope);
}

}  // namespace

std::string_view visibilityName(MessageVisibility visibility) {
  switch (visibility) {
    case MessageVisibility::kShared:
      return "shared";
    case MessageVisibility::kInternal:
      return "internal";
  }
  return "unknown";
}

std::optional<MessageVisibility> parseVisibility(std::string_view name) {
  for (auto v : kAllVisibilities) {
    if (visibilityName(v) == name) return v;
  }
  return std::nullopt;
}

std::string_view sideName(Side side) {
  switch (side) {
    case Side::kCity:
      return "city";
    case Side::kFund:
      return "fund";
    case Side::kPartner:
      return "partner";
  }
  return "unknown";
}

std::optional<Side> parseSide(std::string_view name) {
  for (auto s : kAllSides) {
    if (sideName(s) == name) return s;
  }
  return std::nullopt;
}

std::span<const ThreadRule> threadTable() { return kThreadRules; }

ThreadRights threadRights(const Actor& actor, const Scope& scope) {
  ThreadRights out;
  for (const auto& row : kThreadRules) {
    if (!applies(row, actor, scope)) continue;
    out.reads = out.reads | row.reads;
    out.writes = out.writes | row.writes;
  }
  return out;
}

bool mayRead(const Actor& actor, const Scope& scope, MessageVisibility visibility) {
  return threadRights(actor, scope).reads.has(visibility);
}

bool mayWrite(const Actor& actor, const Scope& scope, MessageVisibility visibility) {
  return threadRights(actor, scope).writes.has(visibility);
}

std::optional<Side> writerSide(const Actor& actor, const Scope& scope,
                               MessageVisibility visibility) {
  for (const auto& row : kThreadRules) {
    if (applies(row, actor, scope) && row.writes.has(visibility)) return row.side;
  }
  return std::nullopt;
}

bool sideReads(Side side, MessageVisibility visibility) {
  for (const auto& row : kThreadRules) {
    if (row.side == side && row.reads.has(visibility)) return true;
  }
  return false;
}

}  // namespace citygrants::access
