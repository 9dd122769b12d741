#include "modules/access/actor_disclosure.h"

#include <cstdint>
#include <set>
#include <string>
#include <utility>

#include <boost/test/unit_test.hpp>

namespace citygrants::access {
namespace {

constexpr std::int64_t kFundOrg = 1;
constexpr std::int64_t kCityOrg = 10;  // the record's city
constexpr std::int64_t kOtherCityOrg = 11;
constexpr std::int64_t kSupportingOrg = 20;  // the record's supporting partner
constexpr std::int64_t kReviewerOrg = 22;    // another partner: a reviewer of the record
constexpr std::int64_t kDonorOrg = 30;

// The record every case reads: kCityOrg's, supported by kSupportingOrg.
constexpr Parties kRecord{kCityOrg, kSupportingOrg};

// The people who may have acted on it, by kind; the reader is user 1 of their organisation.
enum class Who {
  kReader,
  kColleague,
  kFundManager,
  kCityStaff,
  kVerifier,
  kReviewer,
  kOtherCity,
  kDonor
};

Person personOf(Who who, std::int64_t reader_org, OrgKind reader_kind) {
  switch (who) {
    case Who::kReader:
      return {1, "Reader", reader_org, "Reader's org", reader_kind};
    case Who::kColleague:
      return {2, "Colleague", reader_org, "Reader's org", reader_kind};
    case Who::kFundManager:
      return {3, "Amina Diallo", kFundOrg, "MMC", OrgKind::kFund};
    case Who::kCityStaff:
      return {4, "Grace Nakato", kCityOrg, "Kampala", OrgKind::kCity};
    case Who::kVerifier:
      return {5, "Ivo Petrov", kSupportingOrg, "IOM", OrgKind::kPartner};
    case Who::kReviewer:
      return {6, "Hana Sato", kReviewerOrg, "UNHCR", OrgKind::kPartner};
    case Who::kOtherCity:
      return {7, "Luis Pérez", kOtherCityOrg, "Montevideo", OrgKind::kCity};
    case Who::kDonor:
      return {8, "Dana Cole", kDonorOrg, "Trust", OrgKind::kDonor};
  }
  return {};
}

// A reader with `roles`, user 1 of organisation `org`.
Actor readerOf(RoleSet roles, std::int64_t org) { return Actor{1, org, roles}; }

constexpr auto P = Disclosure::kPerson;
constexpr auto O = Disclosure::kOrganisation;
constexpr auto S = Disclosure::kSide;

// The expectations, written out by hand: reader × who acted.
struct Expectation {
  const char* reader;
  Actor actor;
  OrgKind reader_kind;
  Disclosure reader_sees, colleague, fund_manager, city_staff, verifier, reviewer, other_city,
      donor;
};

// clang-format off
const Expectation kExpected[] = {
  // reader                                                                           self colleague fund city verifier reviewer city2 donor
  {"fund manager",       readerOf(Role::kFundManager, kFundOrg),     OrgKind::kFund,    P,   P,       P,   P,   P,       P,       P,    P},
  {"auditor",            readerOf(Role::kAuditor, kFundOrg),         OrgKind::kFund,    P,   P,       P,   P,   P,       P,       P,    P},
  {"admin",              readerOf(Role::kAdmin, kFundOrg),           OrgKind::kFund,    P,   P,       P,   P,   P,       P,       P,    P},
  // the verifier is the supporting partner's colleague; the reviewer, the reviewing partner's
  {"supporting partner", readerOf(Role::kPartner, kSupportingOrg),   OrgKind::kPartner, P,   P,       P,   P,   P,       O,       O,    O},
  {"reviewing partner",  readerOf(Role::kPartner, kReviewerOrg),     OrgKind::kPartner, P,   P,       P,   P,   O,       P,       O,    O},
  // the city staff are the applicant's colleagues
  {"city applicant",     readerOf(Role::kApplicant, kCityOrg),       OrgKind::kCity,    P,   P,       P,   P,   O,       S,       S,    S},
  {"no role",            readerOf(RoleSet(), kCityOrg),              OrgKind::kCity,    P,   S,       S,   S,   S,       S,       S,    S},
};
// clang-format on

}  // namespace

BOOST_AUTO_TEST_SUITE(actor_disclosure)

BOOST_AUTO_TEST_CASE(the_table_has_every_reader_kind_and_relation_once) {
  std::set<std::pair<int, int>> seen;
  for (const auto& rule : disclosureTable()) {
    const auto key = std::make_pair(static_cast<int>(rule.reader), static_cast<int>(rule.relation));
    BOOST_TEST(seen.insert(key).second, "twice: " << relationName(rule.relation));
  }
  for (ReaderKind k :
       {ReaderKind::kFund, ReaderKind::kPartner, ReaderKind::kCity, ReaderKind::kNone}) {
    for (Relation r : kAllRelations) {
      BOOST_TEST(seen.count({static_cast<int>(k), static_cast<int>(r)}) == 1u,
                 "missing: " << relationName(r));
    }
  }
}

BOOST_AUTO_TEST_CASE(each_reader_knows_each_actor_as_the_rule_says) {
  const Who kWho[] = {Who::kReader,   Who::kColleague, Who::kFundManager, Who::kCityStaff,
                      Who::kVerifier, Who::kReviewer,  Who::kOtherCity,   Who::kDonor};
  for (const auto& e : kExpected) {
    const Disclosure expected[] = {e.reader_sees, e.colleague, e.fund_manager, e.city_staff,
                                   e.verifier,    e.reviewer,  e.other_city,   e.donor};
    for (std::size_t i = 0; i < std::size(kWho); ++i) {
      const auto person = personOf(kWho[i], e.actor.org_id, e.reader_kind);
      const auto view = discloseTo(e.actor, person, kRecord);
      BOOST_TEST((view.disclosure == expected[i]),
                 e.reader << " reading " << person.name << ": " << disclosureName(view.disclosure)
                          << ", expected " << disclosureName(expected[i]));
    }
  }
}

BOOST_AUTO_TEST_CASE(a_view_carries_only_what_its_disclosure_allows) {
  const auto verifier = personOf(Who::kVerifier, 0, OrgKind::kCity);
  const auto fund = discloseTo(readerOf(Role::kFundManager, kFundOrg), verifier, kRecord);
  BOOST_TEST(fund.id.value_or(0) == 5);
  BOOST_TEST(fund.name == "Ivo Petrov");
  BOOST_TEST(fund.organisation == "IOM");
  BOOST_TEST((fund.side == OrgKind::kPartner));

  const auto city = discloseTo(readerOf(Role::kApplicant, kCityOrg), verifier, kRecord);
  BOOST_TEST(!city.id.has_value());
  BOOST_TEST(city.name.empty());
  BOOST_TEST(city.organisation == "IOM");
  BOOST_TEST((city.side == OrgKind::kPartner));

  const auto reviewer = personOf(Who::kReviewer, 0, OrgKind::kCity);
  const auto blind = discloseTo(readerOf(Role::kApplicant, kCityOrg), reviewer, kRecord);
  BOOST_TEST(!blind.id.has_value());
  BOOST_TEST(blind.name.empty());
  BOOST_TEST(blind.organisation.empty());
  BOOST_TEST((blind.side == OrgKind::kPartner));
}

BOOST_AUTO_TEST_CASE(
    the_widest_role_decides_and_a_record_without_parties_names_partners_by_organisation) {
  BOOST_TEST((readerKindOf(Role::kApplicant | Role::kAuditor) == ReaderKind::kFund));
  BOOST_TEST((readerKindOf(Role::kPartner | Role::kApplicant) == ReaderKind::kPartner));
  BOOST_TEST((readerKindOf(RoleSet(Role::kApplicant)) == ReaderKind::kCity));
  BOOST_TEST((readerKindOf(RoleSet()) == ReaderKind::kNone));
  // A record of no city and no supporting partner (a call): a partner is just another partner.
  const auto verifier = personOf(Who::kVerifier, 0, OrgKind::kCity);
  const Actor city = readerOf(Role::kApplicant, kCityOrg);
  BOOST_TEST((relationOf(city, verifier, Parties{}) == Relation::kOtherPartner));
  BOOST_TEST((discloseTo(city, verifier, Parties{}).disclosure == Disclosure::kSide));
  // The same person supporting the reader's record is known by organisation.
  BOOST_TEST((relationOf(city, verifier, kRecord) == Relation::kSupportingPartner));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::access
