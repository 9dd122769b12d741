#include "modules/access/actor_disclosure.h"

namespace citygrants::access {
namespace {

using D = Disclosure;
using K = ReaderKind;
using R = Relation;

// Fund staff, admins and auditors know everyone. A partner knows the people of its own
// organisation, of the fund and of the cities whose records it sees, and other partners only by
// organisation (a fellow reviewer's scores are shown, the person is not). A city knows its own
// people and the fund's; of its supporting partner, the organisation it already knows, never who
// verified; of anyone else (a reviewer), only that a partner acted: which partner organisations
// review a proposal is never shown to its city.
// clang-format off
constexpr DisclosureRule kRules[] = {
  // reader      relation                disclosure
  {K::kFund,    R::kSelf,               D::kPerson},
  {K::kFund,    R::kColleague,          D::kPerson},
  {K::kFund,    R::kFundStaff,          D::kPerson},
  {K::kFund,    R::kRecordCity,         D::kPerson},
  {K::kFund,    R::kSupportingPartner,  D::kPerson},
  {K::kFund,    R::kOtherPartner,       D::kPerson},
  {K::kFund,    R::kOther,              D::kPerson},
  {K::kPartner, R::kSelf,               D::kPerson},
  {K::kPartner, R::kColleague,          D::kPerson},
  {K::kPartner, R::kFundStaff,          D::kPerson},
  {K::kPartner, R::kRecordCity,         D::kPerson},
  {K::kPartner, R::kSupportingPartner,  D::kOrganisation},
  {K::kPartner, R::kOtherPartner,       D::kOrganisation},
  {K::kPartner, R::kOther,              D::kOrganisation},
  {K::kCity,    R::kSelf,               D::kPerson},
  {K::kCity,    R::kColleague,          D::kPerson},
  {K::kCity,    R::kFundStaff,          D::kPerson},
  {K::kCity,    R::kRecordCity,         D::kPerson},
  {K::kCity,    R::kSupportingPartner,  D::kOrganisation},
  {K::kCity,    R::kOtherPartner,       D::kSide},
  {K::kCity,    R::kOther,              D::kSide},
  {K::kNone,    R::kSelf,               D::kPerson},
  {K::kNone,    R::kColleague,          D::kSide},
  {K::kNone,    R::kFundStaff,          D::kSide},
  {K::kNone,    R::kRecordCity,         D::kSide},
  {K::kNone,    R::kSupportingPartner,  D::kSide},
  {K::kNone,    R::kOtherPartner,       D::kSide},
  {K::kNone,    R::kOther,              D::kSide},
};
// clang-format on

}  // namespace

std::string_view relationName(Relation relation) {
  switch (relation) {
    case R::kSelf:
      return "self";
    case R::kColleague:
      return "colleague";
    case R::kFundStaff:
      return "fund_staff";
    case R::kRecordCity:
      return "record_city";
    case R::kSupportingPartner:
      return "supporting_partner";
    case R::kOtherPartner:
      return "other_partner";
    case R::kOther:
      return "other";
  }
  return "unknown";
}

std::string_view disclosureName(Disclosure disclosure) {
  switch (disclosure) {
    case D::kPerson:
      return "person";
    case D::kOrganisation:
      return "organisation";
    case D::kSide:
      return "side";
  }
  return "unknown";
}

ReaderKind readerKindOf(RoleSet roles) {
  if (roles.has(Role::kFundManager) || roles.has(Role::kAuditor) || roles.has(Role::kAdmin)) {
    return K::kFund;
  }
  if (roles.has(Role::kPartner)) return K::kPartner;
  if (roles.has(Role::kApplicant)) return K::kCity;
  return K::kNone;
}

std::span<const DisclosureRule> disclosureTable() { return kRules; }

Relation relationOf(const Actor& reader, const Person& person, const Parties& record) {
  if (person.id == reader.user_id) return R::kSelf;
  if (person.org_id == reader.org_id) return R::kColleague;
  if (person.org_kind == OrgKind::kFund) return R::kFundStaff;
  if (record.city_org_id != 0 && person.org_id == record.city_org_id) return R::kRecordCity;
  if (record.supporting_org_id != 0 && person.org_id == record.supporting_org_id) {
    return R::kSupportingPartner;
  }
  if (person.org_kind == OrgKind::kPartner) return R::kOtherPartner;
  return R::kOther;
}

Disclosure disclosureFor(ReaderKind reader, Relation relation) {
  for (const auto& rule : kRules) {
    if (rule.reader == reader && rule.relation == relation) return rule.disclosure;
  }
  return D::kSide;  // unreachable: the table has every pair (tests/modules walk it)
}

ActorView discloseTo(const Actor& reader, const Person& person, const Parties& record) {
  ActorView out;
  out.side = person.org_kind;
  out.disclosure = disclosureFor(readerKindOf(reader.roles), relationOf(reader, person, record));
  if (out.disclosure == D::kPerson) {
    out.id = person.id;
    out.name = person.name;
  }
  if (out.disclosure != D::kSide) out.organisation = person.organisation;
  return out;
}

}  // namespace citygrants::access
