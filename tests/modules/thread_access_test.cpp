#include "modules/access/thread_access.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "modules/core/file_type.h"
#include "modules/threads/message_text.h"

namespace citygrants::access {
namespace {

constexpr std::int64_t kFundOrg = 1;
constexpr std::int64_t kCityOrg = 10;
constexpr std::int64_t kOtherCityOrg = 11;
constexpr std::int64_t kPartnerOrg = 20;  // supports or reviews the record
constexpr std::int64_t kOtherPartnerOrg = 22;

constexpr auto kShared = MessageVisibility::kShared;
constexpr auto kInternal = MessageVisibility::kInternal;

Actor actor(Role role, std::int64_t org) { return Actor{7, org, RoleSet(role)}; }

// A record of kCityOrg that kPartnerOrg supports or reviews.
Scope cityRecord() { return Scope{kCityOrg, {kPartnerOrg}}; }

// The organisations a person of each role may belong to, inside the record's reach or outside.
const std::int64_t kOrgs[] = {kFundOrg, kCityOrg, kOtherCityOrg, kPartnerOrg, kOtherPartnerOrg};

// What the issue asks, written out by hand for every role and organisation: (role, org) ->
// {reads shared, reads internal, writes shared, writes internal}. Anything not listed: nothing.
using Expect = std::tuple<bool, bool, bool, bool>;
const std::map<std::pair<Role, std::int64_t>, Expect>& expected() {
  static const std::map<std::pair<Role, std::int64_t>, Expect> m = [] {
    std::map<std::pair<Role, std::int64_t>, Expect> out;
    for (auto org : kOrgs) {
      out[{Role::kFundManager, org}] = {true, true, true, true};  // the fund: every record
      out[{Role::kAuditor, org}] = {true, true, false, false};    // reads all, writes nothing
    }
    out[{Role::kApplicant, kCityOrg}] = {true, false, true, false};  // the record's city: shared
    out[{Role::kPartner, kPartnerOrg}] = {true, true, true, true};   // its partner: both
    return out;
  }();
  return m;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(thread_access)

BOOST_AUTO_TEST_CASE(visibilities_and_sides_round_trip_by_name) {
  for (auto v : kAllVisibilities) BOOST_TEST((parseVisibility(visibilityName(v)) == v));
  for (auto s : kAllSides) BOOST_TEST((parseSide(sideName(s)) == s));
  BOOST_TEST(visibilityName(kShared) == "shared");
  BOOST_TEST(visibilityName(kInternal) == "internal");
  for (const char* bad : {"", "Shared", "private", "public", "internal "}) {
    BOOST_TEST(!parseVisibility(bad).has_value(), bad);
  }
  BOOST_TEST(!parseSide("admin").has_value());
}

BOOST_AUTO_TEST_CASE(the_table_has_one_row_per_taking_part_role_and_no_admin) {
  std::set<Role> roles;
  for (const auto& row : threadTable()) {
    BOOST_TEST(roles.insert(row.role).second, "two rows for " << roleName(row.role));
    // Nobody writes what they may not read.
    for (auto v : kAllVisibilities) BOOST_TEST((!row.writes.has(v) || row.reads.has(v)));
  }
  BOOST_TEST(roles.count(Role::kAdmin) == 0u);
  BOOST_TEST(threadTable().size() == 4u);
}

// Every row of the table, as every role in every organisation: rights match the hand-written
// expectation, and every (role, organisation) pair without one has no part in the thread.
BOOST_AUTO_TEST_CASE(rights_follow_the_table_for_every_role_and_organisation) {
  for (Role role : kAllRoles) {
    for (auto org : kOrgs) {
      BOOST_TEST_CONTEXT(roleName(role) << " of organisation " << org) {
        const auto it = expected().find({role, org});
        const Expect want =
            it == expected().end() ? Expect{false, false, false, false} : it->second;
        const auto a = actor(role, org);
        const auto r = threadRights(a, cityRecord());
        BOOST_TEST(r.reads.has(kShared) == std::get<0>(want));
        BOOST_TEST(r.reads.has(kInternal) == std::get<1>(want));
        BOOST_TEST(r.writes.has(kShared) == std::get<2>(want));
        BOOST_TEST(r.writes.has(kInternal) == std::get<3>(want));
        for (auto v : kAllVisibilities) {
          BOOST_TEST(mayRead(a, cityRecord(), v) == r.reads.has(v));
          BOOST_TEST(mayWrite(a, cityRecord(), v) == r.writes.has(v));
          BOOST_TEST(writerSide(a, cityRecord(), v).has_value() == r.writes.has(v));
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_city_never_reads_or_writes_internal_messages) {
  RoleSet city_roles(Role::kApplicant);
  for (auto org : kOrgs) {
    const Actor a{7, org, city_roles};
    BOOST_TEST(!mayRead(a, cityRecord(), kInternal));
    BOOST_TEST(!mayWrite(a, cityRecord(), kInternal));
    BOOST_TEST(!writerSide(a, cityRecord(), kInternal).has_value());
  }
  BOOST_TEST(!sideReads(Side::kCity, kInternal));
  BOOST_TEST(sideReads(Side::kCity, kShared));
  BOOST_TEST(sideReads(Side::kFund, kInternal));
  BOOST_TEST(sideReads(Side::kPartner, kInternal));
}

BOOST_AUTO_TEST_CASE(writers_write_for_their_side) {
  BOOST_TEST((writerSide(actor(Role::kApplicant, kCityOrg), cityRecord(), kShared) == Side::kCity));
  BOOST_TEST(
      (writerSide(actor(Role::kFundManager, kFundOrg), cityRecord(), kInternal) == Side::kFund));
  BOOST_TEST(
      (writerSide(actor(Role::kPartner, kPartnerOrg), cityRecord(), kShared) == Side::kPartner));
  // A person who is both the city's applicant and a partner of the record writes shared messages
  // for the city (the first row) and internal ones for the partner.
  const Actor both{7, kCityOrg, Role::kApplicant | Role::kPartner};
  const Scope own_partner{kCityOrg, {kCityOrg}};
  BOOST_TEST((writerSide(both, own_partner, kShared) == Side::kCity));
  BOOST_TEST((writerSide(both, own_partner, kInternal) == Side::kPartner));
}

BOOST_AUTO_TEST_CASE(a_record_of_no_organisation_is_the_funds_alone) {
  for (Role role : {Role::kApplicant, Role::kPartner}) {
    const auto r =
        threadRights(actor(role, role == Role::kApplicant ? kCityOrg : kPartnerOrg), Scope{});
    BOOST_TEST(r.reads.empty(), roleName(role));
    BOOST_TEST(r.writes.empty(), roleName(role));
  }
  BOOST_TEST(mayWrite(actor(Role::kFundManager, kFundOrg), Scope{}, kInternal));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(message_text)

bool names(const std::vector<core::FieldError>& errors, const std::string& field) {
  for (const auto& e : errors) {
    if (e.field == field) return true;
  }
  return false;
}

BOOST_AUTO_TEST_CASE(a_message_needs_a_body_and_a_known_visibility) {
  BOOST_TEST(threads::messageErrors("When is the next tranche due?", "shared").empty());
  BOOST_TEST(threads::messageErrors("Line one\n\tLine two\r\n", "internal").empty());
  BOOST_TEST(names(threads::messageErrors("", "shared"), "body"));
  BOOST_TEST(names(threads::messageErrors(" \n\t ", "shared"), "body"));
  BOOST_TEST(names(threads::messageErrors("bell\x07", "shared"), "body"));
  BOOST_TEST(names(threads::messageErrors("\xC3\x28", "shared"), "body"));  // not UTF-8
  BOOST_TEST(names(threads::messageErrors("Hello", std::nullopt), "visibility"));
  BOOST_TEST(names(threads::messageErrors("Hello", "public"), "visibility"));
  const auto both = threads::messageErrors("", "secret");
  BOOST_TEST(both.size() == 2u);
}

BOOST_AUTO_TEST_CASE(the_body_is_counted_in_characters) {
  std::string at_limit;
  for (std::size_t i = 0; i < threads::kMaxBodyChars; ++i) at_limit += "é";  // 2 bytes each
  BOOST_TEST(threads::messageErrors(at_limit, "shared").empty());
  BOOST_TEST(names(threads::messageErrors(at_limit + "e", "shared"), "body"));
}

BOOST_AUTO_TEST_CASE(a_message_carries_a_few_files_of_one_attachments_size) {
  BOOST_TEST(threads::fileSetErrors(0, 0).empty());
  BOOST_TEST(threads::fileSetErrors(threads::kMaxFiles, core::kMaxAttachmentBytes).empty());
  BOOST_TEST(names(threads::fileSetErrors(threads::kMaxFiles + 1, 10), "file"));
  BOOST_TEST(names(threads::fileSetErrors(2, core::kMaxAttachmentBytes + 1), "file"));
}

BOOST_AUTO_TEST_CASE(an_excerpt_cuts_between_characters) {
  BOOST_TEST(threads::excerpt("short", 10) == "short");
  BOOST_TEST(threads::excerpt("exactly10!", 10) == "exactly10!");
  BOOST_TEST(threads::excerpt("São Paulo acolhe", 3) == "São…");
  BOOST_TEST(threads::excerpt("", 3).empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::access
