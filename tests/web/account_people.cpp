#include "tests/web/account_people.h"

#include <boost/test/unit_test.hpp>

#include "services/auth/password.h"
#include "services/clock.h"
#include "services/stores/second_factor_store.h"
#include "services/usecases/directory_service.h"

namespace citygrants::webtest {

void enrolDemoFactor(Server& server, std::int64_t user_id) {
  const auto now = nowMs();
  server.db().write([&](db::Tx& tx) {
    stores::SecondFactorStore::startEnrolment(tx, user_id, kDemoTotpSecret, now);
    stores::SecondFactorStore::confirm(tx, user_id, 0, now);
    tx.commit();
  });
}

Person addPerson(Server& server, const std::string& email, access::Role role) {
  services::SystemClock clock;
  usecases::DirectoryService directory({server.db(), clock}, auth::HashCost::kFast);
  const std::string org = role == access::Role::kApplicant ? "Kampala" : "Mayors Migration Council";
  const auto user = directory.addUser(
      std::nullopt, {email, "Person " + email, org, {role}, kPersonPassword, "en"});
  if (role == access::Role::kFundManager || role == access::Role::kAdmin) enrolDemoFactor(server, user.id);
  return {user.id, user.email};
}

Client signedInAs(Server& server, const std::string& email) {
  Client c = server.client();
  const auto r = c.signIn(email, kPersonPassword);
  BOOST_REQUIRE_EQUAL(r.status, 201);
  return c;
}

}  // namespace citygrants::webtest
