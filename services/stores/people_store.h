#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <vector>

#include "modules/access/actor_disclosure.h"
#include "services/db/database.h"

namespace citygrants::stores {

// People as the directory names them now: each user with their organisation's id, name and kind.
class PeopleStore {
 public:
  // At most this many ids are read by one statement.
  static constexpr std::size_t kIdsPerStatement = 500;

  // The users `ids` name, by id (ids naming no user are left out): one statement for up to
  // kIdsPerStatement ids, whatever records they came from.
  static std::map<std::int64_t, access::Person> byIds(db::Tx& tx,
                                                      const std::set<std::int64_t>& ids);

  // Every user, by organisation name then name: the people an audit reader may filter by.
  static std::vector<access::Person> everyone(db::Tx& tx);
};

}  // namespace citygrants::stores
