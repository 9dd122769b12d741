#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace citygrants::access {

enum class Role : std::uint8_t { kApplicant, kPartner, kFundManager, kAdmin, kAuditor };

inline constexpr Role kAllRoles[] = {Role::kApplicant, Role::kPartner, Role::kFundManager,
                                     Role::kAdmin, Role::kAuditor};

std::string_view roleName(Role role);
std::optional<Role> parseRole(std::string_view name);

// A set of roles as a bit mask; constexpr so workflow tables can name who may fire a row.
class RoleSet {
 public:
  constexpr RoleSet() = default;
  constexpr RoleSet(Role role) : bits_(bit(role)) {}  // NOLINT: a role is a one-element set
  constexpr RoleSet operator|(RoleSet other) const { return RoleSet(bits_ | other.bits_); }
  constexpr bool has(Role role) const { return (bits_ & bit(role)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr bool intersects(RoleSet other) const { return (bits_ & other.bits_) != 0; }
  constexpr void add(Role role) { bits_ |= bit(role); }
  std::vector<Role> roles() const;

 private:
  constexpr explicit RoleSet(std::uint8_t bits) : bits_(bits) {}
  static constexpr std::uint8_t bit(Role r) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(r)); }
  std::uint8_t bits_ = 0;
};

inline constexpr RoleSet operator|(Role a, Role b) { return RoleSet(a) | RoleSet(b); }

// Kinds of organisation: the fund (MMC), a strategic partner, a city.
enum class OrgKind : std::uint8_t { kFund, kPartner, kCity, kDonor };
std::string_view orgKindName(OrgKind kind);
std::optional<OrgKind> parseOrgKind(std::string_view name);

// Who is acting: a signed-in user of one organisation with the roles granted to them.
struct Actor {
  std::int64_t user_id = 0;
  std::int64_t org_id = 0;
  RoleSet roles;
  // Whether this request may move money (issue 17 part 2): a session that proved its second
  // factor within the step-up window, or a machine client's token with the payments scope.
  bool payments_cleared = false;
  bool via_token = false;  // a bearer token: it cannot step up, only carry the scope
};

// Which organisations a record belongs to, for visibility and for acting on it.
struct Scope {
  std::int64_t city_org_id = 0;               // the applicant city, 0 when none (a call)
  std::vector<std::int64_t> partner_org_ids;  // partners assigned to or supporting the record
};

}  // namespace citygrants::access
