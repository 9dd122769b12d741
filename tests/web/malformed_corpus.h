#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tests/web/http_fixture.h"

// The corpus of malformed requests: each must get a 4xx problem+json and change nothing.
namespace citygrants::webtest {

// Who sends a case, and how its credentials are spoiled.
enum class Sender { kApplicant, kFundManager, kAnonymous };
enum class Spoil {
  kNone,          // the sender's cookie and CSRF token as they are
  kNoCsrf,        // the cookie without X-CSRF-Token
  kWrongCsrf,     // the cookie with a made-up X-CSRF-Token
  kOtherCsrf,     // the cookie with the CSRF token of the other signed-in user
  kForgedCookie,  // a random cookie value instead of the session's
};

// Any 4xx answer will do (where the exact status is the implementation's choice).
inline constexpr int kAny4xx = 4;

struct MalformedCase {
  std::string what;          // a few words for the failure message
  std::string method;
  std::string path;
  std::string content_type;  // "" sends none
  std::string body;
  Headers headers;
  int expect;                // the status, or kAny4xx
  Sender sender = Sender::kApplicant;
  Spoil spoil = Spoil::kNone;
  std::string field;         // when set, errors[] must name this field
  bool chunked = false;
};

// The records the corpus aims at (read from the seeded demo database before it runs).
struct CorpusTargets {
  std::int64_t open_call = 0;       // GCF-2026
  std::int64_t draft_call = 0;      // GCF-2027, a draft
  std::int64_t draft_call_version = 0;
  std::int64_t own_draft = 0;       // Kampala's concept draft: the applicant may edit it
  std::int64_t own_draft_version = 0;
  std::int64_t reviewed = 0;        // a reviewed proposal (the fund manager's decisions)
  std::int64_t reviewed_version = 0;
};

// Bad JSON, wrong types, unknown and missing fields, overlong strings, invalid UTF-8, bad money
// and bad dates, on the bodies of proposals, calls, transitions, sign-in and tokens.
std::vector<MalformedCase> bodyCases(const CorpusTargets& t);

// Bad ids, huge bodies, wrong content types, CSRF and cookie forgeries, If-Match, query
// parameters, unknown methods and paths.
std::vector<MalformedCase> requestCases(const CorpusTargets& t);

}  // namespace citygrants::webtest
