#pragma once

#include <cstdint>
#include <string>

#include "modules/access/role.h"
#include "tests/web/http_fixture.h"

// People of their own for the account and password-reset tests, so that changing a password or
// a language leaves the demo logins as every other test expects them.
namespace citygrants::webtest {

// The password every such person starts with.
inline constexpr const char* kPersonPassword = "a-person-password-1";

struct Person {
  std::int64_t id = 0;
  std::string email;
};

// A new active user `email` (English) with `role`, in Kampala for an applicant, else in the
// demo fund's organisation (Mayors Migration Council), with kPersonPassword; a fund manager or an
// admin with the demo's second factor (kDemoTotpSecret).
Person addPerson(Server& server, const std::string& email, access::Role role);

// Gives user `user_id` the demo's second factor (kDemoTotpSecret), as if they had scanned it:
// what a fund manager or an admin a test makes needs before anything else.
void enrolDemoFactor(Server& server, std::int64_t user_id);

// A client signed in as `email` with kPersonPassword. REQUIRES: the sign-in succeeds (checked).
Client signedInAs(Server& server, const std::string& email);

}  // namespace citygrants::webtest
