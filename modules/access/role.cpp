#include "modules/access/role.h"

namespace citygrants::access {

std::string_view roleName(Role role) {
  switch (role) {
    case Role::kApplicant: return "applicant";
    case Role::kPartner: return "partner";
    case Role::kFundManager: return "fund_manager";
    case Role::kAdmin: return "admin";
    case Role::kAuditor: return "auditor";
  }
  return "unknown";
}

std::optional<Role> parseRole(std::string_view name) {
  for (Role r : kAllRoles) {
    if (roleName(r) == name) return r;
  }
  return std::nullopt;
}

std::vector<Role> RoleSet::roles() const {
  std::vector<Role> out;
  for (Role r : kAllRoles) {
    if (has(r)) out.push_back(r);
  }
  return out;
}

std::string_view orgKindName(OrgKind kind) {
  switch (kind) {
    case OrgKind::kFund: return "fund";
    case OrgKind::kPartner: return "partner";
    case OrgKind::kCity: return "city";
    case OrgKind::kDonor: return "donor";
  }
  return "unknown";
}

std::optional<OrgKind> parseOrgKind(std::string_view name) {
  for (OrgKind k : {OrgKind::kFund, OrgKind::kPartner, OrgKind::kCity, OrgKind::kDonor}) {
    if (orgKindName(k) == name) return k;
  }
  return std::nullopt;
}

}  // namespace citygrants::access
