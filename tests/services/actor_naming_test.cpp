// Naming the people records mention (usecases::ActorNaming): one read of the directory however
// many records and people, counted by a SOCI logger on the transaction's session, and each person
// as the reader may know them on their record (access::discloseTo).

#include "services/usecases/actor_naming.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <soci/logger.h>

#include "services/stores/directory_store.h"
#include "services/stores/people_store.h"
#include "tests/services/fixture.h"
#include "tests/services/statement_counter.h"

using namespace citygrants;
using namespace citygrants::testing;

namespace {

// `n` more users of organisation `org`, named "person-<i>@org-<org>.test", written in one
// transaction.
std::vector<std::int64_t> addPeople(Fund& f, std::int64_t org, int n) {
  std::vector<std::int64_t> ids;
  f.ctx.db.write([&](db::Tx& tx) {
    for (int i = 0; i < n; ++i) {
      stores::User u;
      u.org_id = org;
      u.email = "person-" + std::to_string(i) + "@org-" + std::to_string(org) + ".test";
      u.name = u.email;
      u.password_hash = "not-a-real-hash";
      ids.push_back(stores::DirectoryStore::insertUser(tx, u, f.clock.nowMs()));
    }
    tx.commit();
  });
  return ids;
}

struct Named {
  int statements = 0;
  std::vector<usecases::Actors> records;
};

// Names `mentions` (each a record's people: field -> user id) for `reader`, every record of
// city_a supported by partner_a, counting the statements.
Named name(Fund& f, const access::Actor& reader,
           const std::vector<std::vector<std::pair<std::string, std::int64_t>>>& mentions) {
  Named out;
  out.records.resize(mentions.size());
  auto tx = f.ctx.db.read();
  {
    Counting counting(tx.sql());
    usecases::ActorNaming naming(reader);
    for (std::size_t i = 0; i < mentions.size(); ++i) {
      for (const auto& [field, id] : mentions[i]) {
        naming.add(out.records[i], field, id, {f.city_a, f.partner_a});
      }
    }
    naming.resolve(tx);
    out.statements = counting.statements();
  }
  tx.commit();
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(actor_naming)

BOOST_AUTO_TEST_CASE(naming_reads_the_directory_once_however_many_records_and_people) {
  Fund f("actor_naming_once");
  const auto many = addPeople(f, f.partner_a, 300);
  std::vector<std::vector<std::pair<std::string, std::int64_t>>> few = {
      {{"requested_by", f.applicant_a.user_id}, {"approved_by", f.fm1.user_id}}};
  std::vector<std::vector<std::pair<std::string, std::int64_t>>> lots;
  for (std::size_t i = 0; i < many.size(); ++i) {
    lots.push_back({{"requested_by", f.applicant_a.user_id},
                    {"verified_by", many[i]},
                    {"approved_by", many[(i + 1) % many.size()]}});
  }
  const auto one = name(f, f.fm1, few);
  const auto all = name(f, f.fm1, lots);
  BOOST_TEST(one.statements == 1);
  BOOST_TEST(all.statements == 1, "300 records naming 301 people");
  BOOST_TEST(name(f, f.fm1, {{}, {}}).statements == 0, "nothing to name, nothing read");
  BOOST_TEST_REQUIRE(all.records.size() == 300u);
  for (std::size_t i = 0; i < many.size(); ++i) {
    const auto& r = all.records[i];
    BOOST_TEST_REQUIRE(r.size() == 3u);
    BOOST_TEST(r[1].field == "verified_by");
    BOOST_TEST(r[1].view.id.value_or(0) == many[i]);
    BOOST_TEST(r[1].view.name ==
               "person-" + std::to_string(i) + "@org-" + std::to_string(f.partner_a) + ".test");
  }
  // Past PeopleStore::kIdsPerStatement people, one statement per that many.
  const auto more = addPeople(f, f.partner_b, 250);
  std::set<std::int64_t> ids(many.begin(), many.end());
  ids.insert(more.begin(), more.end());
  auto tx = f.ctx.db.read();
  Counting counting(tx.sql());
  const auto people = stores::PeopleStore::byIds(tx, ids);
  BOOST_TEST(people.size() == 550u);
  BOOST_TEST(counting.statements() == 2);
  tx.commit();
}

BOOST_AUTO_TEST_CASE(each_person_is_named_as_the_reader_may_know_them) {
  Fund f("actor_naming_rule");
  const std::vector<std::vector<std::pair<std::string, std::int64_t>>> record = {
      {{"requested_by", f.applicant_a.user_id},
       {"verified_by", f.reviewer_a.user_id},
       {"approved_by", f.fm1.user_id},
       {"reviewer_id", f.reviewer_b.user_id}}};
  const auto fund = name(f, f.auditor, record).records.at(0);
  for (const auto& a : fund)
    BOOST_TEST((a.view.disclosure == access::Disclosure::kPerson), a.field);
  const auto city = name(f, f.applicant_a, record).records.at(0);
  BOOST_TEST_REQUIRE(city.size() == 4u);
  BOOST_TEST((city[0].view.disclosure == access::Disclosure::kPerson));
  BOOST_TEST((city[1].view.disclosure == access::Disclosure::kOrganisation));
  BOOST_TEST(city[1].view.name.empty());
  BOOST_TEST(!city[1].view.id.has_value());
  BOOST_TEST((city[2].view.disclosure == access::Disclosure::kPerson));
  BOOST_TEST((city[3].view.disclosure == access::Disclosure::kSide));
  BOOST_TEST(city[3].view.organisation.empty());
  const auto partner = name(f, f.reviewer_b, record).records.at(0);
  BOOST_TEST((partner[1].view.disclosure == access::Disclosure::kOrganisation));
  BOOST_TEST((partner[3].view.disclosure == access::Disclosure::kPerson), "its own reviewer");
}

BOOST_AUTO_TEST_SUITE_END()
