#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "modules/access/access_rules.h"
#include "modules/access/role.h"

// Who reads and who writes the messages of a record's thread (a proposal's or a grant's): the one
// table of that rule, beside the permission table. The services read it for every answer that
// carries a message (the thread, one message, its files, the timeline, the inbox, the mail).
namespace citygrants::access {

// Whom a message is for: shared with the record's city, or internal to the fund and partners.
enum class MessageVisibility : std::uint8_t { kShared, kInternal };

inline constexpr MessageVisibility kAllVisibilities[] = {MessageVisibility::kShared,
                                                         MessageVisibility::kInternal};

std::string_view visibilityName(MessageVisibility visibility);
std::optional<MessageVisibility> parseVisibility(std::string_view name);

// A set of visibilities (a bit mask), constexpr so that the table can name them.
class VisibilitySet {
 public:
  constexpr VisibilitySet() = default;
  constexpr VisibilitySet(MessageVisibility v) : bits_(bit(v)) {}  // NOLINT: a one-element set
  constexpr VisibilitySet operator|(VisibilitySet other) const {
    return VisibilitySet(static_cast<std::uint8_t>(bits_ | other.bits_));
  }
  constexpr bool has(MessageVisibility v) const { return (bits_ & bit(v)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr bool operator==(const VisibilitySet&) const = default;

 private:
  constexpr explicit VisibilitySet(std::uint8_t bits) : bits_(bits) {}
  static constexpr std::uint8_t bit(MessageVisibility v) {
    return static_cast<std::uint8_t>(1u << static_cast<unsigned>(v));
  }
  std::uint8_t bits_ = 0;
};

inline constexpr VisibilitySet kNoMessages{};
inline constexpr VisibilitySet kSharedOnly{MessageVisibility::kShared};
inline constexpr VisibilitySet kSharedAndInternal =
    VisibilitySet(MessageVisibility::kShared) | MessageVisibility::kInternal;

// Whom the author of a message writes for: the record's city, the fund, a partner organisation.
enum class Side : std::uint8_t { kCity, kFund, kPartner };

inline constexpr Side kAllSides[] = {Side::kCity, Side::kFund, Side::kPartner};

std::string_view sideName(Side side);
std::optional<Side> parseSide(std::string_view name);

// One row of the thread table: a person holding `role`, when the record is within `reach` of
// their organisation (Reach: the fund's, their own city's, assigned to or supported by their
// partner organisation), reads the messages of `reads`, writes those of `writes`, and writes
// for `side`.
struct ThreadRule {
  Role role;
  Reach reach;
  VisibilitySet reads;
  VisibilitySet writes;
  Side side;
};

// The table, one row per role that takes part; a role without a row (admins) has no part.
std::span<const ThreadRule> threadTable();

// What one person may do on one record's thread: the union of the rows that apply to them.
struct ThreadRights {
  VisibilitySet reads;
  VisibilitySet writes;
};

// `actor`'s rights on the thread of a record with `scope` (its city, and the partners assigned to
// or supporting it).
ThreadRights threadRights(const Actor& actor, const Scope& scope);
bool mayRead(const Actor& actor, const Scope& scope, MessageVisibility visibility);
bool mayWrite(const Actor& actor, const Scope& scope, MessageVisibility visibility);

// The side `actor` writes a message of `visibility` for: that of the first row (table order)
// that applies to them and lets them write it; nothing when none does.
std::optional<Side> writerSide(const Actor& actor, const Scope& scope,
                               MessageVisibility visibility);

// Whether the people of `side` read messages of `visibility` (a row of the side reads it): who
// may be told of a new message. The city is never told of an internal one.
bool sideReads(Side side, MessageVisibility visibility);

}  // namespace citygrants::access
