#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "modules/access/role.h"

// Who a reader may know a person to be, when a record names them as its actor (who requested,
// verified, approved, scored, signed...). The one place this rule is written: every timeline,
// queue, review and audit page names people through discloseTo().
namespace citygrants::access {

// A person as the directory knows them.
struct Person {
  std::int64_t id = 0;
  std::string name;
  std::int64_t org_id = 0;
  std::string organisation;  // the organisation's name
  OrgKind org_kind = OrgKind::kCity;
};

// The organisations a record belongs to, as far as naming its actors needs: its city and its
// supporting partner (0 when none, or when the record is no city's, like a call).
struct Parties {
  std::int64_t city_org_id = 0;
  std::int64_t supporting_org_id = 0;
};

// Who a person is to the reader, on the record at hand; the first that holds, in this order.
enum class Relation : std::uint8_t {
  kSelf,               // the reader themselves
  kColleague,          // someone of the reader's own organisation
  kFundStaff,          // staff of the fund (fund managers, admins, the fund's auditors)
  kRecordCity,         // staff of the record's city
  kSupportingPartner,  // staff of the record's supporting partner organisation
  kOtherPartner,       // staff of another strategic partner: a reviewer
  kOther,              // anyone else (another city, a donor)
};

inline constexpr Relation kAllRelations[] = {
    Relation::kSelf,       Relation::kColleague,         Relation::kFundStaff,
    Relation::kRecordCity, Relation::kSupportingPartner, Relation::kOtherPartner,
    Relation::kOther};

std::string_view relationName(Relation relation);

// How much of the person the reader learns.
enum class Disclosure : std::uint8_t {
  kPerson,        // name and organisation (and the user id)
  kOrganisation,  // the organisation and which side it acts for, never the person
  kSide,          // only which side acted ("a strategic partner"), not even the organisation
};

std::string_view disclosureName(Disclosure disclosure);

// Whom a reader reads as: the widest of their roles wins (fund roles, then partner, then city).
enum class ReaderKind : std::uint8_t { kFund, kPartner, kCity, kNone };

ReaderKind readerKindOf(RoleSet roles);

// One row of the disclosure table: what a reader of `reader` kind learns of a person in
// `relation` to them.
struct DisclosureRule {
  ReaderKind reader;
  Relation relation;
  Disclosure disclosure;
};

// The table, every (reader kind, relation) pair once.
std::span<const DisclosureRule> disclosureTable();

Relation relationOf(const Actor& reader, const Person& person, const Parties& record);
Disclosure disclosureFor(ReaderKind reader, Relation relation);

// A person as shown to one reader: the fields `disclosure` allows, the others empty.
struct ActorView {
  Disclosure disclosure = Disclosure::kSide;
  std::optional<std::int64_t> id;  // kPerson only
  std::string name;                // kPerson only
  std::string organisation;        // kPerson and kOrganisation
  OrgKind side = OrgKind::kCity;   // always: which side acted (its organisation's kind)
};

// `person`, who acted on a record of `record`, as `reader` may know them.
ActorView discloseTo(const Actor& reader, const Person& person, const Parties& record);

}  // namespace citygrants::access
