#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "modules/access/role.h"
#include "modules/workflow/machine.h"
#include "services/clock.h"
#include "services/db/database.h"
#include "services/stores/visibility.h"
#include "services/usecases/actor_naming.h"

namespace citygrants::usecases {

using access::Actor;

// What every use case needs from the outside: the database and the clock.
struct Context {
  db::Database& db;
  const services::Clock& clock;
};

// One event fired at a record, as any client sends it.
struct TransitionRequest {
  std::string event;
  // The version the caller read; a different current version is refused with kStaleVersion.
  // The HTTP layer always sends it (If-Match); the CLI and the seed may leave it out.
  std::optional<std::int64_t> expected_version;
  workflow::Input input;
};

// A record as a reader sees it, with the events they may fire on it now and the people it names
// as the reader may know them (filled by the services whose records name people).
template <class Record>
struct WithActions : Record {
  std::vector<std::string> actions;
  Actors actors;
};

// Runs `work(tx)` as one write use case (db::Database::write: `work` commits its Tx, or throws
// and nothing of it is written) and answers what `work` returned, once it is durable.
template <class Work>
auto runWrite(db::Database& db, Work&& work) {
  std::optional<decltype(work(std::declval<db::Tx&>()))> out;
  db.write([&](db::Tx& tx) { out.emplace(work(tx)); });
  return std::move(*out);
}

// Throws Problem(kStaleVersion) when `expected` is given and differs from `actual`.
void requireVersion(const std::optional<std::int64_t>& expected, std::int64_t actual,
                    std::string_view entity);

// Loads the signed-in actor (organisation and roles) of a user; kNotFound when there is none,
// kForbidden when the account is deactivated.
Actor loadActor(db::Tx& tx, std::int64_t user_id);

// The actor and the language the user saved (users.language: en, fr, es or pt), as loadActor.
struct SignedInUser {
  Actor actor;
  std::string language = "en";
  bool second_factor = false;  // a confirmed one
};
SignedInUser loadSignedInUser(db::Tx& tx, std::int64_t user_id);

// What `actor` sees in lists and totals (DESIGN §1): fund managers and auditors everything,
// applicants their city's records, partners their organisation's; anyone else nothing.
stores::Visibility visibilityOf(const Actor& actor);

// A small JSON object for audit details: {"reason": "...", "amount_minor": 123}.
class Detail {
 public:
  Detail& text(std::string_view key, const std::optional<std::string>& value);
  Detail& number(std::string_view key, const std::optional<std::int64_t>& value);
  Detail& flag(std::string_view key, bool value);
  // `json`, a JSON value (an object of filters), as it is. REQUIRES: it is valid JSON.
  Detail& raw(std::string_view key, std::string json);
  std::string json() const;

 private:
  std::vector<std::pair<std::string, std::string>> fields_;  // key, encoded value
};

// The detail every transition records: the input fields that were given.
Detail transitionDetail(const TransitionRequest& req);

// JSON string literal of `s` (quotes and escapes).
std::string jsonQuote(std::string_view s);

// Converts the engine's allowed events into owned strings.
std::vector<std::string> toStrings(const std::vector<std::string_view>& events);

}  // namespace citygrants::usecases
