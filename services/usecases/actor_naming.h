#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/access/actor_disclosure.h"
#include "services/db/database.h"

namespace citygrants::usecases {

// A person a record names in one of its fields ("verified_by"), as the reader may know them.
struct NamedActor {
  std::string field;
  access::ActorView view;
};
using Actors = std::vector<NamedActor>;

// Names the people that several records mention, for one reader, with one read of the
// directory (stores::PeopleStore::byIds) however many records and fields: queue every mention
// with add(), then resolve() once.
class ActorNaming {
 public:
  explicit ActorNaming(const access::Actor& reader) : reader_(reader) {}

  // Queues the person `user_id` names in `field` of a record of `parties`, to be written into
  // `into` by resolve(); nothing when `user_id` is empty. REQUIRES: `into` outlives resolve().
  void add(Actors& into, std::string_view field, const std::optional<std::int64_t>& user_id,
           const access::Parties& parties);

  // Reads every queued person and writes each, as the reader may know them
  // (access::discloseTo), into the Actors it was queued for, in the order queued.
  void resolve(db::Tx& tx);

 private:
  struct Pending {
    Actors* into;
    std::string field;
    std::int64_t user_id;
    access::Parties parties;
  };
  access::Actor reader_;
  std::vector<Pending> pending_;
};

}  // namespace citygrants::usecases
