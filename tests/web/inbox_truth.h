#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "tests/web/http_fixture.h"

// What waits for a person, straight from the database by SQL written here (never by calling the
// inbox's store or service), for the inbox tests: each item as "kind#record id".
namespace citygrants::webtest {

using InboxKeys = std::set<std::string>;

// A person of the demo fund as the database knows them.
struct Reader {
  std::int64_t user_id = 0;
  std::int64_t org_id = 0;
  std::vector<std::string> roles;
};
Reader readerOf(db::Database& db, const std::string& email);

// The items waiting for `reader` at `now` (epoch ms), by the rules the README states: a city's
// drafts while the call is open, its revision requests, agreements to sign, tranches it may
// request and reports due; a partner's assignments to declare and score while the proposal is in
// review, tranche requests and reports of the grants it supports; the fund's proposals to screen,
// assign, decide, reviews to close, awards to confirm, grants to complete or close, tranches to
// approve or pay, and overdue reports; an admin's locked accounts and failed mail; an auditor's
// chain to verify; threads whose latest shared message waits for the reader's side (the city's
// for fund managers, the fund's or a partner's for the city).
InboxKeys truthFor(db::Database& db, const Reader& reader, std::int64_t now);

// The keys of the items of a GET /api/v1/inbox answer.
InboxKeys keysOf(const Poco::JSON::Object::Ptr& inbox);

}  // namespace citygrants::webtest
